package nl.knooppunt.processes;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Dutch words people read for the codes of the processes: phases, outcomes and choices, process
 * names, candidate groups, channels and durations. Pages, the logbook's summaries and the
 * evaluation report take their words from here, so a code such as {@code NIVEAU_5_VAN_KRACHT},
 * {@code MEER_INFORMATIE} or {@code PT12H} never reaches a page as it is.
 */
public final class Labels {

  private Labels() {}

  /** Phases of a crisis (the read model's status). */
  private static final Map<String, String> PHASES = new LinkedHashMap<>();

  /**
   * Phases that must not go unnoticed: a level 5 whose end time passed without a decision is shown
   * in red wherever its phase is shown.
   */
  private static final java.util.Set<String> ALARM_PHASES =
      java.util.Set.of("VERLOPEN_ZONDER_BESLUIT");

  /** Values of choices in forms and decisions. */
  private static final Map<String, String> VALUES = new LinkedHashMap<>();

  private static final Map<String, String> PROCESSES = new LinkedHashMap<>();

  private static final Map<String, String> GROUPS = new LinkedHashMap<>();

  private static final Map<String, String> CHANNELS = new LinkedHashMap<>();

  static {
    PHASES.put("GESTART", "Gestart");
    PHASES.put("GEREGISTREERD", "Gestart");
    PHASES.put("VOORBEREIDING", "Informatie en afstemming");
    PHASES.put("BESLUITVORMING", "Wacht op besluit");
    PHASES.put("NIVEAU_5_VAN_KRACHT", "Niveau 5 van kracht");
    PHASES.put("VERLENGD", "Niveau 5 verlengd");
    PHASES.put("VERLOPEN_ZONDER_BESLUIT", "Verlopen zonder besluit");
    PHASES.put("AFSCHALING", "Afschaling in behandeling");
    PHASES.put("AFGESCHAALD", "Afgeschaald");
    PHASES.put("NIET_AFGEKONDIGD", "Niet afgekondigd");
    PHASES.put("MANHUNT_LOOPT", "Manhunt loopt");
    PHASES.put("AANGEHOUDEN", "Dader(s) aangehouden");
    PHASES.put("BEEINDIGD", "Manhunt beëindigd");
    PHASES.put("AANVRAAG", "Aanvraag in behandeling");
    PHASES.put("AANBODRONDE", "Aanbodronde");
    PHASES.put("TOEGEKEND", "Bijstand toegekend");
    PHASES.put("AFGEWEZEN", "Bijstand afgewezen");
    PHASES.put("INZET", "Inzet loopt");
    PHASES.put("INZET_BEEINDIGD", "Inzet beëindigd");
    PHASES.put("EVALUATIE", "Evaluatie");
    PHASES.put("AFGESLOTEN", "Afgesloten");
    PHASES.put("PROCES_GEANNULEERD", "Afgebroken: proces geannuleerd door de beheerder");

    // decisions
    VALUES.put("AFKONDIGEN", "Afkondigen");
    VALUES.put("NIET_AFKONDIGEN", "Niet afkondigen");
    VALUES.put("VERLENGEN", "Verlengen");
    VALUES.put("AFSCHALEN", "Afschalen");
    VALUES.put("HANDHAVEN", "Niveau 5 handhaven");
    // co-signature of a level decision (four eyes)
    VALUES.put("GOEDGEKEURD", "Goedgekeurd (medeondertekend)");
    VALUES.put("GEWEIGERD", "Geweigerd: besluit niet van kracht");
    VALUES.put("TOEGEKEND", "Toegekend");
    VALUES.put("AFGEWEZEN", "Afgewezen");
    VALUES.put("ACCEPTEREN", "Accepteren");
    VALUES.put("AFWIJZEN", "Afwijzen");
    VALUES.put("MEER_INFORMATIE", "Meer informatie nodig");
    VALUES.put("DEELTOEWIJZING", "Deeltoewijzing");
    // positions and reactions
    VALUES.put("STEUNT", "Steunt");
    VALUES.put("STEUNT_MET_KANTTEKENINGEN", "Steunt met kanttekeningen");
    VALUES.put("BEZWAAR", "Bezwaar");
    VALUES.put("AFGESTEMD", "Afgestemd");
    VALUES.put("GEEN_REACTIE", "Geen reactie binnen de termijn");
    VALUES.put("AANGEBODEN", "Aangeboden");
    VALUES.put("BEVESTIGD", "Bevestigd");
    VALUES.put("TELEFONISCH_BEVESTIGD", "Telefonisch bevestigd");
    VALUES.put("NIET_BEREIKT", "Niet bereikt");
    VALUES.put("GEDEELD", "Gedeeld");
    VALUES.put("ONTBREEKT", "Ontbreekt (nog niet gedeeld)");
    // information and threat
    VALUES.put("VERVOLGDREIGING_ACUUT", "Acute dreiging van een vervolgaanslag");
    VALUES.put("VERVOLGDREIGING_MOGELIJK", "Vervolgaanslag mogelijk");
    VALUES.put("GEEN_AANWIJZINGEN", "Geen aanwijzingen voor een vervolgaanslag");
    VALUES.put("OPENBAAR", "Openbaar");
    VALUES.put("DEPARTEMENTAAL_VERTROUWELIJK", "Departementaal vertrouwelijk");
    VALUES.put("STAATSGEHEIM_CONFIDENTIEEL", "Staatsgeheim confidentieel");
    // GRIP
    VALUES.put("GRIP_1", "GRIP 1");
    VALUES.put("GRIP_2", "GRIP 2");
    VALUES.put("GRIP_3", "GRIP 3");
    VALUES.put("GRIP_4", "GRIP 4");
    VALUES.put("GRIP_5", "GRIP 5");
    VALUES.put("GRIP_RIJK", "GRIP Rijk");
    // areas
    VALUES.put("PROVINCIE", "Provincie");
    VALUES.put("VEILIGHEIDSREGIO", "Veiligheidsregio");
    VALUES.put("GEMEENTE", "Gemeente");
    // public communication
    VALUES.put("PERSBERICHT", "Persbericht");
    VALUES.put("NL_ALERT", "NL-Alert");
    VALUES.put("CRISIS_NL", "Crisis.nl");
    VALUES.put("SOCIALE_MEDIA", "Sociale media");
    VALUES.put("WEBSITE", "Website");
    // bijstand
    VALUES.put("BRANDWEER", "Brandweer");
    VALUES.put("GENEESKUNDIGE_HULPVERLENING", "Geneeskundige hulpverlening");
    VALUES.put("BEVOLKINGSZORG", "Bevolkingszorg");
    VALUES.put("POLITIE", "Politie");
    VALUES.put("CRISISCOORDINATIE", "Crisiscoördinatie");
    VALUES.put("WVR_ART_51", "Wvr art. 51 (via het LOCC)");
    VALUES.put("WVR_ART_51_LID_5", "Wvr art. 51 lid 5 (spoed, buurregio)");
    VALUES.put("POLITIEWET_ART_56", "Politiewet 2012 art. 56");
    VALUES.put("STANDAARD", "Standaard persoonlijke beschermingsmiddelen");
    VALUES.put("BALLISTISCH", "Ballistische bescherming (vest en helm)");
    VALUES.put("GEVAARLIJKE_STOFFEN", "Bescherming tegen gevaarlijke stoffen (CBRN)");
    // notices: the kinds of notification round name themselves
    for (nl.knooppunt.processes.variables.NoticeContent.Kind kind :
        nl.knooppunt.processes.variables.NoticeContent.Kind.values()) {
      VALUES.put(kind.name(), kind.label());
    }
    VALUES.put("GRIP_ADVIES", "GRIP-advies");
    VALUES.put("SITUATIERAPPORT", "Situatierapport");
    VALUES.put("PUBLIEKSOPROEP", "Publieksoproep");
    // outcome of a manhunt
    VALUES.put("AANGEHOUDEN", "Dader(s) aangehouden");
    VALUES.put("BEEINDIGD", "Manhunt beëindigd");
    // sources of a lowering proposal
    VALUES.put("LANDELIJK_OPERATOR", "Landelijk operator");
    VALUES.put("HERBEOORDELING", "Herbeoordeling NCTV");

    PROCESSES.put(ProcessId.DREIGINGSNIVEAU_5.id(), "Dreigingsniveau 5");
    PROCESSES.put(ProcessId.MANHUNT.id(), "Manhunt");
    PROCESSES.put(ProcessId.BIJSTANDSAANVRAAG.id(), "Bijstandsaanvraag");
    PROCESSES.put(ProcessId.INFORMEER_GEZAGEN.id(), "Gezagen en partners informeren");

    GROUPS.put(CandidateGroup.LANDELIJK_OPERATOR.group(), "Landelijk operator");
    GROUPS.put(CandidateGroup.NCTV_BESLUITVORMER.group(), "NCTV-besluitvormer");
    GROUPS.put(CandidateGroup.NCTV_TWEEDE_BESLUITVORMER.group(), "Tweede NCTV-besluitvormer");
    GROUPS.put(CandidateGroup.NCTV_HOOFD.group(), "Hoofd NCTV / DG");
    GROUPS.put(CandidateGroup.COMMUNICATIEADVISEUR.group(), "Communicatieadviseur");
    GROUPS.put(CandidateGroup.LOCC_OFFICIER.group(), "LOCC-officier");
    GROUPS.put(CandidateGroup.HOOFD_LOCC.group(), "Hoofd LOCC");
    GROUPS.put(CandidateGroup.KORPSCHEF.group(), "Korpschef (politie)");
    GROUPS.put(CandidateGroup.POLITIE.group(), "Politie");
    GROUPS.put(CandidateGroup.OM.group(), "Openbaar Ministerie");
    GROUPS.put(CandidateGroup.MANAGEMENT.group(), "Management");
    GROUPS.put(CandidateGroup.BEHEERDER.group(), "Beheerder");

    CHANNELS.put("KNOOPPUNT", "Knooppunt (Mijn taken)");
    CHANNELS.put("EMAIL", "E-mail");
    CHANNELS.put("SMS", "Sms");
    CHANNELS.put("TELEFOON", "Telefoon");
    CHANNELS.put("PRIMAIR", "Eerste kanaal");
    CHANNELS.put("FALLBACK", "Reservekanaal");
    CHANNELS.put("KANAAL", "Via het knooppunt");
    CHANNELS.put("NA_ESCALATIE", "Na escalatie");
  }

  /** The phase of a crisis in words; an unknown phase is made readable. */
  public static String phase(String status) {
    return status == null ? "" : PHASES.getOrDefault(status, readable(status));
  }

  /** Whether a phase demands attention (shown in red): a level 5 expired without a decision. */
  public static boolean isAlarm(String status) {
    return status != null && ALARM_PHASES.contains(status);
  }

  /**
   * A value of a choice or decision in words ({@code MEER_INFORMATIE} → "Meer informatie nodig").
   */
  public static String value(String value) {
    return value == null ? "" : VALUES.getOrDefault(value, readable(value));
  }

  /** Whether the catalogue has a word for this value. */
  public static boolean knows(String value) {
    return VALUES.containsKey(value) || PHASES.containsKey(value);
  }

  /** The name of a process ({@code dreigingsniveau-5} → "Dreigingsniveau 5"). */
  public static String process(String processId) {
    return processId == null ? "" : PROCESSES.getOrDefault(processId, processId);
  }

  /** The label of an unscoped candidate group, if it is one. */
  public static Optional<String> group(String group) {
    return Optional.ofNullable(GROUPS.get(group));
  }

  /** A notice channel or acknowledgement route in words. */
  public static String channel(String channel) {
    return channel == null ? "" : CHANNELS.getOrDefault(channel, readable(channel));
  }

  /**
   * An ISO 8601 duration in words: {@code PT30M} → "30 minuten", {@code PT1H} → "1 uur", {@code
   * P14D} → "14 dagen", {@code PT1H30M} → "1 uur en 30 minuten". Anything else stays as given.
   */
  public static String duration(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      if (iso.contains("T")) {
        return duration(Duration.parse(iso));
      }
      Period p = Period.parse(iso);
      if (p.getYears() == 0 && p.getMonths() == 0) {
        return count(p.getDays(), "dag", "dagen");
      }
      return iso;
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /** A duration in words, to the minute ("2 uur en 5 minuten", "45 minuten", "3 dagen"). */
  public static String duration(Duration d) {
    long minutes = Math.abs(d.toMinutes());
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (minutes >= 24 * 60) {
      parts.add(count(minutes / (24 * 60), "dag", "dagen"));
    }
    if ((minutes / 60) % 24 > 0) {
      parts.add((minutes / 60) % 24 + " uur");
    }
    if (minutes % 60 > 0 || parts.isEmpty()) {
      parts.add(count(minutes % 60, "minuut", "minuten"));
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " en "
        + parts.get(parts.size() - 1);
  }

  private static String count(long n, String one, String more) {
    return n + " " + (n == 1 ? one : more);
  }

  /** {@code STEUNT_MET_KANTTEKENINGEN} → "Steunt met kanttekeningen". */
  static String readable(String code) {
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
