package nl.knooppunt.processes.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import nl.knooppunt.processes.links.AcknowledgementLinks.Claims;
import nl.knooppunt.processes.links.AcknowledgementLinks.Verdict;
import org.junit.jupiter.api.Test;

class AcknowledgementLinksTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final Instant NOW = Instant.parse("2026-03-18T16:00:00Z");
  private static final Claims MAYOR =
      new Claims("DN5-1/afkondiging/BM-GM0344", "BM-GM0344", 1, NOW.plusSeconds(3600));

  private final AcknowledgementLinks links = new AcknowledgementLinks(KEY);

  @Test
  void theMayorsLinkOpensWithWhatItWasMadeFor() {
    var checked = links.check(links.token(MAYOR), NOW);

    assertThat(checked.verdict()).isEqualTo(Verdict.GELDIG);
    assertThat(checked.claims()).isEqualTo(MAYOR);
    assertThat(links.link("https://knooppunt.example/", MAYOR))
        .startsWith("https://knooppunt.example/bevestigen/")
        .doesNotContain("//bevestigen");
  }

  @Test
  void aLinkPastTheRoundHasExpired() {
    assertThat(links.check(links.token(MAYOR), MAYOR.expires()).verdict())
        .isEqualTo(Verdict.VERLOPEN);
  }

  @Test
  void aLinkChangedInOneCharacterOrMadeWithAnotherKeyIsRefused() {
    String token = links.token(MAYOR);
    String otherRecipient =
        links.token(new Claims(MAYOR.notificationId(), "BM-GM0345", 1, MAYOR.expires()))
            .split("\\.")[0];
    String forged = otherRecipient + token.substring(token.indexOf('.'));
    byte[] other = new byte[32];
    other[0] = 1;
    var otherHub = new AcknowledgementLinks(Base64.getEncoder().encodeToString(other));

    assertThat(links.check(forged, NOW).verdict()).isEqualTo(Verdict.ONGELDIG);
    assertThat(links.check(otherHub.token(MAYOR), NOW).verdict()).isEqualTo(Verdict.ONGELDIG);
    assertThat(links.check("not-a-token", NOW).verdict()).isEqualTo(Verdict.ONGELDIG);
    assertThat(links.check("a.b.c", NOW).verdict()).isEqualTo(Verdict.ONGELDIG);
    assertThat(links.check(null, NOW).verdict()).isEqualTo(Verdict.ONGELDIG);
  }

  @Test
  void aShortKeyIsRefusedAtStart() {
    assertThatThrownBy(
            () -> new AcknowledgementLinks(Base64.getEncoder().encodeToString(new byte[8])))
        .hasMessageContaining(AcknowledgementLinks.KEY_SETTING);
  }

  @Test
  void theFingerprintDiffersPerTokenAndKeepsNoToken() {
    String a = AcknowledgementLinks.fingerprint(links.token(MAYOR));
    assertThat(a).hasSize(64).isNotEqualTo(AcknowledgementLinks.fingerprint("x"));
  }
}
