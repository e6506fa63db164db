package nl.knooppunt.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.processes.variables.NoticeContent;
import org.junit.jupiter.api.Test;

class OutgoingNoticeTest {

  static final String CONTACT = NoticeSender.DEMO_HUB_CONTACT;

  private final Directory directory = Directory.load(new DemoContactBook());

  @Test
  void aDeclarationReachesTheMayorOfUtrechtAsFactsSheCanActOnAt3Am() {
    OutgoingNotice notice =
        notice(NoticeContent.Kind.AFKONDIGING, false, "2026-03-18T22:00:00Z", 5);

    assertThat(notice.markedText(CONTACT))
        .isEqualTo(
            """
            De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.
            Gebied: provincie Utrecht
            Geldig tot 18 maart 2026 om 23:00
            Dreigingsniveau: 5 (kritiek)
            Wat wordt van u verwacht: Dreigingsniveau 5 betekent dat er zeer concrete \
            aanwijzingen zijn dat een aanslag zal plaatsvinden. Activeer uw crisisorganisatie \
            volgens uw plan en neem de maatregelen voor uw rol hieronder.
            Maatregelen voor u als gemeente (versie 1):
            - Stem met de veiligheidsregio en de NCTV af welk handelingsperspectief uw inwoners \
            krijgen (zoals: volg de aanwijzingen van de lokale autoriteiten; blijf binnen) en geef \
            het direct door.
            - Breng de driehoek (burgemeester, politie, OM) bijeen; bij een mogelijk terroristische \
            aanslag schaalt de regio direct op naar GRIP 3.
            - Communiceer met drie doelen: informeren, handelingsperspectief bieden en duiden. Uw \
            inwoners horen het niveau van u, niet eerst via sociale media.
            - Stem uw maatregelen af met regio en buurgemeenten, zodat ze elkaar versterken of in \
            ieder geval niet tegenwerken.
            Bevestig de ontvangst in het Landelijk Knooppunt (Mijn taken).
            Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 000 0000 (demonummer)""")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
    assertThat(notice.validUntilInstant())
        .isEqualTo(java.time.Instant.parse("2026-03-18T22:00:00Z"));
  }

  @Test
  void anEndTimeIsDutchTimeAlsoInSummerAndAlsoWhenGivenWithAnOffset() {
    // 29 March 2026 02:00 the clocks go forward: 22:00 UTC is midnight in Utrecht
    assertThat(OutgoingNotice.dutchDateTime("2026-06-30T22:00:00Z"))
        .isEqualTo("1 juli 2026 om 00:00");
    assertThat(OutgoingNotice.dutchDateTime("2026-03-18T23:00:00+01:00"))
        .isEqualTo("18 maart 2026 om 23:00");
    assertThat(OutgoingNotice.dutchDateTime(Instant.parse("2026-12-31T08:05:00Z")))
        .isEqualTo("31 december 2026 om 09:05");
  }

  @Test
  void aLoweringNamesTheNewLevelAndHasNoEndTime() {
    OutgoingNotice notice = notice(NoticeContent.Kind.AFSCHALING, false, null, 3);

    assertThat(notice.lines(CONTACT))
        .contains("Dreigingsniveau: 3 (aanzienlijk)")
        .noneMatch(l -> l.startsWith("Geldig tot"));
    assertThat(notice.validUntilInstant()).isNull();
  }

  @Test
  void aNoticeWithoutAcknowledgementDoesNotAskForOneButStillNamesTheHub() {
    var region = directory.authority("VR09").orElseThrow();
    OutgoingNotice sitrap =
        new OutgoingNotice(
            "MH-1/sitrap/1/VR09",
            "MH-1",
            false,
            region,
            region.primary(),
            "SITUATIERAPPORT",
            "Situatierapport manhunt Utrecht",
            "Het actuele beeld staat in het Knooppunt.",
            false);

    assertThat(sitrap.lines(CONTACT))
        .containsExactly("Het actuele beeld staat in het Knooppunt.", CONTACT);
  }

  @Test
  void anExerciseNoticeSaysOefeningInSubjectAndText() {
    OutgoingNotice notice = notice(NoticeContent.Kind.AFKONDIGING, true, "2026-03-18T22:00:00Z", 5);

    assertThat(notice.markedSubject()).startsWith("OEFENING — ");
    assertThat(notice.markedText(CONTACT))
        .startsWith("OEFENING — De NCTV heeft")
        .contains(CONTACT)
        .endsWith("OEFENING OEFENING");
  }

  @Test
  void aRealNoticeCarriesNoExerciseMarking() {
    OutgoingNotice notice =
        notice(NoticeContent.Kind.AFKONDIGING, false, "2026-03-18T22:00:00Z", 5);

    assertThat(notice.markedSubject()).isEqualTo("Dreigingsniveau 5 afgekondigd");
    assertThat(notice.markedText(CONTACT)).doesNotContain("OEFENING");
  }

  private OutgoingNotice notice(
      NoticeContent.Kind kind, boolean exercise, String validUntil, Integer level) {
    var mayor = directory.authority("BM-GM0344").orElseThrow();
    boolean lowered = kind == NoticeContent.Kind.AFSCHALING;
    return new OutgoingNotice(
        "DN5-1/" + kind.name().toLowerCase() + "/BM-GM0344",
        "DN5-1",
        exercise,
        mayor,
        mayor.primary(),
        kind.name(),
        lowered ? "Dreigingsniveau afgeschaald" : "Dreigingsniveau 5 afgekondigd",
        lowered
            ? "De NCTV heeft het dreigingsniveau voor provincie Utrecht afgeschaald naar 3."
            : "De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.",
        "provincie Utrecht",
        validUntil,
        level,
        kind.expectation(),
        true,
        kind.carriesMeasures() ? new CurrentMeasures().forAuthority(mayor) : null);
  }

  @Test
  void eachRoleReadsItsOwnMeasuresAndOnlyDeclarationAndExtensionCarryThem() {
    var measures = new CurrentMeasures();
    var chief = directory.authority("PC-MIDDEN-NEDERLAND").orElseThrow();
    var region = directory.authority("VR09").orElseThrow();
    assertThat(measures.forAuthority(chief).role()).isEqualTo("politie-eenheid");
    assertThat(measures.forAuthority(chief).items())
        .first()
        .asString()
        .contains("(opsporings)informatie");
    assertThat(measures.forAuthority(region).role()).isEqualTo("veiligheidsregio");
    assertThat(measures.forAuthority(region).items()).first().asString().contains("GRIP 3");

    assertThat(NoticeContent.Kind.AFKONDIGING.carriesMeasures()).isTrue();
    assertThat(NoticeContent.Kind.VERLENGING.carriesMeasures()).isTrue();
    assertThat(notice(NoticeContent.Kind.AFSCHALING, false, null, 3).markedText(CONTACT))
        .doesNotContain("Maatregelen voor u");
    assertThat(NoticeContent.Kind.NIET_AFGEKONDIGD.carriesMeasures()).isFalse();
  }

  @Test
  void aNewerVersionReplacesTheOldOneButAnOlderNeverComesBack() {
    var measures = new CurrentMeasures();
    var v2 =
        new nl.knooppunt.directory.LevelFiveMeasures(
            2,
            java.util.Map.of(
                nl.knooppunt.directory.MeasureRole.GEMEENTE, java.util.List.of("Nieuw.")));
    measures.offer(v2);
    measures.offer(nl.knooppunt.directory.LevelFiveMeasures.first());

    var mayor = directory.authority("BM-GM0344").orElseThrow();
    assertThat(measures.forAuthority(mayor).version()).isEqualTo(2);
    assertThat(measures.forAuthority(mayor).items()).containsExactly("Nieuw.");
  }
}
