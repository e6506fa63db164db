package nl.knooppunt.processes.scenario;

import static nl.knooppunt.processes.scenario.Knooppunt.vars;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.TaskHeader;
import nl.knooppunt.processes.scenario.Knooppunt.Handler;
import nl.knooppunt.processes.scenario.Knooppunt.Uitkomst;

/**
 * What the workers would do, reduced to the edge: a small directory of regions and gezagen, the
 * four-eyes rule, the three-aims rule, and the messages the workers publish.
 */
final class Standaard {

  /** Gezagen per region in the test directory. */
  static final Map<String, List<String>> GEZAGEN =
      Map.of(
          "VR09", List.of("GM0344", "GM0307"),
          "VR08", List.of("GM0363"),
          "VR10", List.of("GM0518"),
          "VR14", List.of("GM0599"));

  /** Regions per province code. */
  static final Map<String, List<String>> PROVINCIES =
      Map.of("PV26", List.of("VR09"), "PV27", List.of("VR10", "VR14"));

  private Standaard() {}

  static Handler handler(Knooppunt k, String type) {
    JobType jobType = JobType.of(type).orElseThrow();
    return switch (jobType) {
      case GEBIED_BEPALEN -> Standaard::gebiedBepalen;
      case VIER_OGEN_CONTROLEREN -> Standaard::vierOgen;
      case COMMUNICATIE_PUBLICEREN -> Standaard::publiceren;
      case MELDING_VERSTUREN -> job -> meldingVersturen(k, job);
      case MELDING_RONDE_VERSTUURD -> job -> rondeVerstuurd(k, job);
      case MELDING_BELCONTACT_BEPALEN -> Standaard::belcontactBepalen;
      case MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN -> job -> niveau5Voorstellen(k, job);
      case MANHUNT_AFSCHALING_VOORSTELLEN -> job -> afschalingVoorstellen(k, job);
      case DREIGINGSNIVEAU_MANHUNT_KOPPELEN -> job -> manhuntKoppelen(k, job);
      case BIJSTAND_AANVRAAG_VALIDEREN -> Standaard::aanvraagValideren;
      case BIJSTAND_INZET_REGISTREREN -> Standaard::inzetRegistreren;
      default -> job -> Uitkomst.klaar();
    };
  }

  /** As the worker's default setting: police and OM each share their own information. */
  static final List<String> INFORMATIEPARTNERS = List.of("politie", "om");

  @SuppressWarnings("unchecked")
  static Uitkomst gebiedBepalen(ActivatedJob job) {
    Map<String, Object> gebied = (Map<String, Object>) job.getVariable("gebied");
    List<String> codes = (List<String>) gebied.get("codes");
    List<String> regios = new ArrayList<>();
    for (String code : codes) {
      if (PROVINCIES.containsKey(code)) {
        regios.addAll(PROVINCIES.get(code));
      } else if (GEZAGEN.containsKey(code)) {
        regios.add(code);
      } else if (code.startsWith("GM")) {
        GEZAGEN.forEach(
            (vr, gemeenten) -> {
              if (gemeenten.contains(code)) {
                regios.add(vr);
              }
            });
      } else {
        return Uitkomst.fout(ErrorCode.GEBIED_ONBEKEND);
      }
    }
    if (regios.isEmpty()) {
      return Uitkomst.fout(ErrorCode.GEBIED_ONBEKEND);
    }
    List<Map<String, Object>> ontvangers = new ArrayList<>();
    boolean manhunt = "MANHUNT".equals(job.getCustomHeaders().get(TaskHeader.CONTEXT.key()));
    if (manhunt) {
      for (String buur : List.of("VR08", "VR10", "VR14")) {
        ontvangers.add(ontvanger(buur, "VEILIGHEIDSREGIO"));
      }
      ontvangers.add(ontvanger("PE-MN", "POLITIE_EENHEID"));
      ontvangers.add(ontvanger("KMAR", "KMAR"));
      ontvangers.add(ontvanger("OM", "OM"));
    } else {
      for (String vr : regios) {
        ontvangers.add(ontvanger(vr, "VEILIGHEIDSREGIO"));
        for (String gm : GEZAGEN.getOrDefault(vr, List.of())) {
          ontvangers.add(ontvanger(gm, "GEZAG"));
        }
      }
      ontvangers.add(ontvanger("OM", "OM"));
    }
    return Uitkomst.klaar(
        vars(
            "betrokkenRegios",
            regios,
            "ontvangers",
            ontvangers,
            "informatiepartners",
            INFORMATIEPARTNERS));
  }

  static Map<String, Object> ontvanger(String code, String soort) {
    return vars("code", code, "naam", null, "soort", soort);
  }

  /** As the worker: the proposer may not decide; the co-signer is neither decider nor proposer. */
  static Uitkomst vierOgen(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Object voorsteller = v.get("voorsteller");
    Object beslisser = v.get("beslisser");
    Object medeondertekenaar = v.get("medeondertekenaar");
    boolean geschonden =
        beslisser == null
            || Objects.equals(voorsteller, beslisser)
            || (medeondertekenaar != null
                && (medeondertekenaar.equals(beslisser) || medeondertekenaar.equals(voorsteller)));
    return geschonden ? Uitkomst.fout(ErrorCode.VIER_OGEN_GESCHONDEN) : Uitkomst.klaar();
  }

  @SuppressWarnings("unchecked")
  static Uitkomst publiceren(ActivatedJob job) {
    Map<String, Object> c = (Map<String, Object>) job.getVariable("publiekeCommunicatie");
    for (String doel : List.of("informeren", "handelingsperspectief", "duiding")) {
      Object tekst = c == null ? null : c.get(doel);
      if (!(tekst instanceof String s) || s.isBlank()) {
        return Uitkomst.fout(ErrorCode.COMMUNICATIE_ONVOLLEDIG);
      }
    }
    return Uitkomst.klaar();
  }

  @SuppressWarnings("unchecked")
  static Uitkomst meldingVersturen(Knooppunt k, ActivatedJob job) {
    Map<String, Object> ontvanger = (Map<String, Object>) job.getVariable("ontvanger");
    if (!k.zwijgend.contains((String) ontvanger.get("code"))) {
      k.publiceer(
          MessageName.MELDING_BEVESTIGD,
          (String) job.getVariable("notificatieId"),
          vars(
              "bevestigdOp", k.nu().toString(), "bevestigdDoor", "piket " + ontvanger.get("code")));
    }
    return Uitkomst.klaar();
  }

  /** The contact chain of every recipient in the test directory: holder, stand-in, duty officer. */
  static final List<String> BELKETEN = List.of("HOUDER", "PLAATSVERVANGER", "OFFICIER_VAN_DIENST");

  /** The demo number of one link of a recipient's chain: {@code 070 000 000<volgorde>}. */
  static String nummer(int volgorde) {
    return "070 000 000" + volgorde;
  }

  /** The next person of the recipient's chain after {@code belContact}, or null after the last. */
  @SuppressWarnings("unchecked")
  static Uitkomst belcontactBepalen(ActivatedJob job) {
    Map<String, Object> ontvanger = (Map<String, Object>) job.getVariable("ontvanger");
    Map<String, Object> vorige = (Map<String, Object>) job.getVariable("belContact");
    int volgorde = vorige == null ? 1 : ((Number) vorige.get("volgorde")).intValue() + 1;
    if (volgorde > BELKETEN.size()) {
      Map<String, Object> geen = new java.util.HashMap<>();
      geen.put("belContact", null);
      return Uitkomst.klaar(geen);
    }
    String positie = BELKETEN.get(volgorde - 1);
    return Uitkomst.klaar(
        vars(
            "belContact",
            vars(
                "ontvanger",
                ontvanger.get("code"),
                "volgorde",
                volgorde,
                "positie",
                positie,
                "naam",
                positie.toLowerCase(java.util.Locale.ROOT) + " " + ontvanger.get("code"),
                "functie",
                positie.toLowerCase(java.util.Locale.ROOT),
                "telefoon",
                nummer(volgorde),
                "demo",
                true)));
  }

  /** Every notice of the round is out: tell the calling process (key = the round's referentie). */
  static Uitkomst rondeVerstuurd(Knooppunt k, ActivatedJob job) {
    k.publiceer(MessageName.MELDINGEN_VERSTUURD, (String) job.getVariable("referentie"), vars());
    return Uitkomst.klaar();
  }

  @SuppressWarnings("unchecked")
  static Uitkomst niveau5Voorstellen(Knooppunt k, ActivatedJob job) {
    Map<String, Object> overweging = (Map<String, Object>) job.getVariable("overweging");
    String id = (String) job.getVariable("gekoppeldDreigingsniveauId");
    k.publiceer(
        MessageName.DREIGINGSNIVEAU_VOORSTEL,
        id,
        vars(
            "crisisId", id,
            "exercise", job.getVariable("exercise"),
            "gebied", overweging.get("gebied"),
            "reden", overweging.get("reden"),
            "voorgesteldDoor", overweging.get("beslisser"),
            "voorgesteldEinde", k.nu().plus(Duration.ofHours(12)).toString(),
            "gekoppeldeManhuntId", job.getVariable("crisisId")));
    return Uitkomst.klaar();
  }

  static Uitkomst manhuntKoppelen(Knooppunt k, ActivatedJob job) {
    Object manhunt = job.getVariable("gekoppeldeManhuntId");
    if (manhunt != null) {
      k.publiceer(
          MessageName.MANHUNT_NIVEAU5_GEKOPPELD,
          (String) manhunt,
          vars("gekoppeldDreigingsniveauId", job.getVariable("crisisId")));
    }
    return Uitkomst.klaar();
  }

  static Uitkomst afschalingVoorstellen(Knooppunt k, ActivatedJob job) {
    k.publiceer(
        MessageName.AFSCHALING_VOORGESTELD,
        (String) job.getVariable("gekoppeldDreigingsniveauId"),
        vars(
            "afschalingVoorgesteldDoor", "knooppunt:manhunt",
            "afschalingReden", "Manhunt afgelopen: " + job.getVariable("afloop"),
            "afschalingBron", "MANHUNT"));
    return Uitkomst.klaar();
  }

  @SuppressWarnings("unchecked")
  static Uitkomst aanvraagValideren(ActivatedJob job) {
    Map<String, Object> aanvraag = (Map<String, Object>) job.getVariable("aanvraag");
    if (!(aanvraag.get("aantal") instanceof Number n) || n.intValue() < 1) {
      return Uitkomst.fout(ErrorCode.AANVRAAG_ONGELDIG);
    }
    return Uitkomst.klaar(vars("kandidaatRegios", List.of("VR08", "VR10", "VR14")));
  }

  @SuppressWarnings("unchecked")
  static Uitkomst inzetRegistreren(ActivatedJob job) {
    if ("VERLENGEN".equals(job.getCustomHeaders().get(TaskHeader.ACTIE.key()))) {
      Map<String, Object> besluit = (Map<String, Object>) job.getVariable("verlengingsbesluit");
      return Uitkomst.klaar(vars("inzetEinde", besluit.get("nieuwEinde")));
    }
    Map<String, Object> aanvraag = (Map<String, Object>) job.getVariable("aanvraag");
    OffsetDateTime vanaf = OffsetDateTime.parse((String) aanvraag.get("vanaf"));
    Duration duur = Duration.parse((String) aanvraag.get("duur"));
    return Uitkomst.klaar(vars("inzetEinde", vanaf.plus(duur).toString()));
  }
}
