package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet and scripts a page links are served with static files narrowed to {@code /css} and
 * {@code /js} (gateway.yaml: {@code spring.mvc.static-path-pattern}; {@code /webjars} has its own
 * handler). Why narrowed: P3 in docs/performance.md.
 */
class StaticFilesIT extends GatewayITBase {

  private static final Pattern ASSET =
      Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

  @Test
  void everyStylesheetAndScriptAPageLinksIsServed() {
    PageClient operator = PageClient.login(port, "operator");
    PageClient.Page page = operator.get("/taken");
    assertThat(page.status()).isEqualTo(200);
    List<String> assets = new ArrayList<>();
    Matcher m = ASSET.matcher(page.body());
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertThat(assets)
        .anyMatch(a -> a.startsWith("/css/knooppunt"))
        .anyMatch(a -> a.startsWith("/js/knooppunt"))
        .anyMatch(a -> a.startsWith("/webjars/htmx.org/"));
    PageClient visitor = PageClient.anonymous(port);
    for (String asset : assets) {
      assertThat(visitor.get(asset).status()).as(asset).isEqualTo(200);
    }
  }
}
