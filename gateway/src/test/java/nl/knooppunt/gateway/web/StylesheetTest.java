package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet is well formed: an unclosed block swallows every rule after it (a print block once
 * left open hid the inbox's phone layout from every screen).
 */
class StylesheetTest {

  @Test
  void everyBlockAndCommentOfTheStylesheetIsClosed() throws IOException {
    String css;
    try (InputStream in = getClass().getResourceAsStream("/static/css/knooppunt.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String code = css.replaceAll("(?s)/\\*.*?\\*/", "");
    assertThat(code).doesNotContain("/*").doesNotContain("*/");
    int depth = 0;
    int line = 1;
    for (char c : code.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      line += c == '\n' ? 1 : 0;
      assertThat(depth).as("line %d", line).isBetween(0, 2);
    }
    assertThat(depth).as("open blocks at the end").isZero();
    assertThat(code).contains(".berichttekst { white-space: pre-line; }");
  }
}
