package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.knooppunt.gateway.Api.Response;
import nl.knooppunt.gateway.GatewayITBase;
import org.junit.jupiter.api.Test;

/**
 * The API reads a body in the contract's word: a duty officer's script that sends {@code "true"}
 * for a flag, a number for a code, text after the JSON, an empty reason, or a reason with a NUL
 * character gets a 400 naming the field, never a guess and never a 500.
 */
class StrictInputIT extends GatewayITBase {

  private static final String PATH = "/api/v1/processes/threat-level-proposals";

  private static String proposal(String reason, String exercise, String codes) {
    String end = OffsetDateTime.now(ZoneOffset.UTC).plusHours(6).withNano(0).toString();
    return "{\"area\":{\"kind\":\"VEILIGHEIDSREGIO\",\"codes\":"
        + codes
        + "},\"reason\":"
        + reason
        + ",\"proposedEnd\":\""
        + end
        + "\",\"exercise\":"
        + exercise
        + "}";
  }

  private Response post(String body) {
    return api.post(PATH, "operator", body);
  }

  private static void refusedNaming(Response r, String field, String words) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.json().path("errors").toString()).contains("\"" + field + "\"").contains(words);
  }

  @Test
  void theTextTrueIsNotTheFlagTrue() {
    refusedNaming(
        post(proposal("\"Dreiging\"", "\"true\"", "[\"VR09\"]")), "exercise", "true of false");
  }

  @Test
  void theNumberOneIsNotTheFlagTrue() {
    refusedNaming(post(proposal("\"Dreiging\"", "1", "[\"VR09\"]")), "exercise", "true of false");
  }

  @Test
  void aNumberIsNotACode() {
    refusedNaming(post(proposal("\"Dreiging\"", "true", "[9]")), "area.codes[0]", "tekst");
  }

  @Test
  void aBlankReasonIsAMissingReason() {
    refusedNaming(post(proposal("\"   \"", "true", "[\"VR09\"]")), "reason", "");
  }

  @Test
  void aNulCharacterInTheReasonIsRefusedNamingTheField() {
    refusedNaming(post(proposal("\"Drei\\u0000ging\"", "true", "[\"VR09\"]")), "reason", "U+0000");
  }

  @Test
  void aLoneSurrogateInTheReasonIsRefusedNamingTheField() {
    refusedNaming(
        post(proposal("\"Drei\\ud800ging\"", "true", "[\"VR09\"]")), "reason", "surrogaat");
  }

  @Test
  void textAfterTheJsonIsRefused() {
    Response r = post(proposal("\"Dreiging\"", "true", "[\"VR09\"]") + " {\"x\":1}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.isProblem()).isTrue();
  }

  @Test
  void aBareJsonStringIsNotAProposal() {
    Response r = post("\"dreigingsniveau 5\"");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.isProblem()).isTrue();
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
    String huge = "\"" + "x".repeat((int) RequestSizeLimit.MAX_BYTES) + "\"";
    Response r = post(proposal(huge, "true", "[\"VR09\"]"));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.body()).contains("Verzoek te groot");
  }

  @Test
  void paddedTextIsTrimmedAndAccepted() {
    Response r = post(proposal("\"  Dreiging na aanslag  \"", "true", "[\" VR09 \"]"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }
}
