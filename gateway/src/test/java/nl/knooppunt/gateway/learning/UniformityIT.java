package nl.knooppunt.gateway.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import org.junit.jupiter.api.Test;

/**
 * Uniformity (issue #16): the same step done by two regions in different times shows both, with the
 * national median beside them; a region sees its own row and the national one, no other region. The
 * exercises of February 2025 are this test's own (no other test writes in that period).
 */
class UniformityIT extends GatewayITBase {

  private static final Instant T0 = Instant.parse("2025-02-03T10:00:00Z");
  private static final String PERIOD = "soort=oefening&van=2025-02-01&tot=2025-02-28";

  /** A region's task of the form, done (by form) after {@code minutes}; the norm is 15 minutes. */
  private void done(
      String vrCode,
      Form form,
      int minutes,
      Map<String, Object> variables,
      Map<String, Object> answers) {
    long key = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    String crisis = "UNI-" + vrCode + "-" + key;
    fixtures.apply(
        EventType.TAAK_AANGEMAAKT,
        crisis,
        T0,
        true,
        null,
        new TaskCreated(
            key,
            "manhunt",
            "Taak_" + form.key(),
            null,
            form.key(),
            form.key(),
            "PT15M",
            List.of("regio-" + vrCode),
            List.of(),
            null,
            T0.plus(Duration.ofMinutes(15)),
            vrCode,
            variables));
    fixtures.apply(
        EventType.TAAK_AFGEROND,
        crisis,
        T0.plus(Duration.ofMinutes(minutes)),
        true,
        "regio",
        new TaskCompletedByUser(key, form.key(), "Taak_" + form.key(), answers));
  }

  @Test
  void twoRegionsAligningWithLokaalGezagInDifferentTimesShowBothAndTheNationalMedian() {
    done("VR09", Form.AFSTEMMING_LOKAAL_GEZAG, 10, Map.of(), Map.of("afgestemd", true));
    done("VR13", Form.AFSTEMMING_LOKAAL_GEZAG, 30, Map.of(), Map.of("afgestemd", true));
    // Amsterdam scales up below the advice, with its reason
    done(
        "VR13",
        Form.BEVESTIGING_OPSCHALING,
        5,
        Map.of("gripAdvies", 3),
        Map.of("gripNiveau", "GRIP_2", "toelichting", "De politie ter plaatse volstond"));

    Page national = PageClient.login(port, "management").get("/uniformiteit?" + PERIOD);
    assertThat(national.status()).isEqualTo(200);
    String body = national.body();
    assertThat(row(body, "VR09")).contains("10 min").contains("100% binnen de norm");
    assertThat(row(body, "VR13")).contains("30 min").contains("0% binnen de norm");
    // the national median of 10 and 30 minutes
    assertThat(row(body, "NL")).contains("20 min").contains("50% binnen de norm");
    assertThat(body)
        .contains("1 afwijkingen van het advies")
        .contains("De politie ter plaatse volstond");

    // a chart per step: each region's median as a bar with the number and the word beside it,
    // the national median as a line; the step's list is its description
    String chart = chart(body, "AFSTEMMING_LOKAAL_GEZAG");
    assertThat(chart)
        .contains("aria-describedby=\"lijst-AFSTEMMING_LOKAAL_GEZAG\"")
        .contains("10 min · goed")
        .contains("30 min · zwak")
        .contains("width=\"93\"")
        .contains("width=\"280\"")
        .contains("landelijke mediaan 20 min");
    assertThat(body).doesNotContain("data-stap=\"AANBOD_BIJSTAND\"");

    // the text alternative and the CSV carry the same numbers
    Page csv = PageClient.login(port, "nctv").get("/uniformiteit.csv?" + PERIOD);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body())
        .contains("VR09;Utrecht;AFSTEMMING_LOKAAL_GEZAG;1;600;600;1.00;0;0;")
        .contains("VR13;Amsterdam-Amstelland;BEVESTIGING_OPSCHALING;1;300;300;1.00;0;1;")
        .contains("NL;Landelijk;AFSTEMMING_LOKAAL_GEZAG;2;1200;");

    // a region: its own row beside the national median, not the other region
    String region = PageClient.login(port, "regio-utrecht").get("/uniformiteit?" + PERIOD).body();
    assertThat(row(region, "VR09")).contains("10 min");
    assertThat(row(region, "NL")).contains("20 min");
    assertThat(region).doesNotContain("data-regio=\"VR13\"").doesNotContain("30 min");

    assertThat(PageClient.login(port, "gezag-utrecht").get("/uniformiteit").status())
        .isEqualTo(403);
  }

  /** The chart of one step: from its figure to the end of the figure. */
  private static String chart(String body, String step) {
    int start = body.indexOf("data-stap=\"" + step + "\"");
    assertThat(start).as("chart of " + step).isPositive();
    return body.substring(start, body.indexOf("</figure>", start));
  }

  /** The heat map's row of a region (or NL): from its tag to the end of the row. */
  private static String row(String body, String code) {
    int start = body.indexOf("data-regio=\"" + code + "\"");
    assertThat(start).as("row of %s", code).isNotNegative();
    return body.substring(start, body.indexOf("</tr>", start));
  }
}
