package nl.knooppunt.workers.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import nl.knooppunt.directory.Contact;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.processes.variables.NoticeContent;
import nl.knooppunt.workers.notification.NoticeSender;
import nl.knooppunt.workers.notification.OutgoingNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An SMS fits two segments whatever the kind, area or exercise, with link and number whole. */
class SmsTextTest {

  private static final String LONG_AREA =
      "gemeenten Súdwest-Fryslân, Noardeast-Fryslân, Waadhoeke, Leeuwarden, Smallingerland,"
          + " Tytsjerksteradiel, Achtkarspelen, Dantumadiel en De Fryske Marren (provincie"
          + " Fryslân), met de Waddeneilanden Vlieland, Terschelling, Ameland en Schiermonnikoog";

  private final Directory directory = Directory.load(new DemoContactBook());
  private final AcknowledgementLinks links =
      new AcknowledgementLinks(Base64.getEncoder().encodeToString(new byte[32]));

  @ParameterizedTest
  @EnumSource(NoticeContent.Kind.class)
  void everyKindWithALongAreaInAnExerciseFitsTwoSegmentsWithLinkAndNumberWhole(
      NoticeContent.Kind kind) {
    String link = link("CRISIS-2026-0042/dreigingsniveau-5/verlenging-3/BM-GM1900");
    OutgoingNotice notice = notice(kind, LONG_AREA, true);

    String sms = DeliveryMessage.sms(notice, link, NoticeSender.DEMO_HUB_CONTACT);

    assertThat(SmsText.segments(sms)).isLessThanOrEqualTo(SmsText.MAX_SEGMENTS);
    assertThat(sms)
        .startsWith(SmsText.EXERCISE_PREFIX)
        .contains(" " + link + " ")
        .endsWith(NoticeSender.DEMO_HUB_CONTACT);
    assertThat(SmsText.isGsm(sms)).isTrue();
  }

  @Test
  void theFactsComeFirstWhatWhereUntilWhenAndTheExpectationIsCutWhereSpaceRunsOut() {
    String link = link("DN5-1/afkondiging/BM-GM0344");
    String sms =
        DeliveryMessage.sms(
            notice(NoticeContent.Kind.AFKONDIGING, "provincie Utrecht", false),
            link,
            "24/7: 070 000 0000");

    assertThat(sms)
        .doesNotStartWith(SmsText.EXERCISE_PREFIX)
        .startsWith(
            "Afkondiging dreigingsniveau 5. Gebied: provincie Utrecht."
                + " Tot 19 maart 2026 om 05:00. Dreigingsniveau 5 betekent")
        .contains(SmsText.CUT + " Bevestig: ")
        .endsWith("Bevestig: " + link + " 24/7: 070 000 0000");
  }

  @Test
  void segmentsAreCountedInGsm7AndInUcs2() {
    assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
    assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
    assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
    assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
    // the euro sign takes two septets
    assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);
    assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
    // one character outside GSM-7 makes the whole text UCS-2
    assertThat(SmsText.segments("â" + "a".repeat(69))).isEqualTo(1);
    assertThat(SmsText.segments("â" + "a".repeat(70))).isEqualTo(2);
    assertThat(SmsText.segments("â" + "a".repeat(133))).isEqualTo(2);
    assertThat(SmsText.segments("â" + "a".repeat(134))).isEqualTo(3);
  }

  @Test
  void accentsOutsideGsm7AreDroppedSoTheTextStaysGsm7() {
    assertThat(SmsText.gsm("Súdwest-Fryslân – café")).isEqualTo("Sudwest-Fryslan - café");
  }

  private String link(String notificationId) {
    return links.link(
        "https://knooppunt.example.nl",
        new AcknowledgementLinks.Claims(
            notificationId, "BM-GM1900", 1, java.time.Instant.parse("2026-03-19T04:00:00Z")));
  }

  private OutgoingNotice notice(NoticeContent.Kind kind, String area, boolean exercise) {
    var recipient = directory.authority("BM-GM0344").orElseThrow();
    return new OutgoingNotice(
        "N-1",
        "C-1",
        exercise,
        recipient,
        new Contact(Contact.Channel.KNOOPPUNT, recipient.code(), true),
        kind.name(),
        kind.label(),
        "Het NCTV heeft een besluit genomen over het dreigingsniveau in het gebied.",
        area,
        "2026-03-19T04:00:00Z",
        5,
        kind.expectation(),
        true,
        new OutgoingNotice.Measures(1, "gemeente", List.of("Maatregel")));
  }
}
