package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The form of a user task: a JSON Schema on the classpath. The BPMN references it with {@code
 * <zeebe:formDefinition externalReference="knooppunt:forms:<formName>"/>}; the gateway validates a
 * completion against the schema and the pages render it.
 */
public enum Form {
  TELEFONISCH_BENADEREN("telefonisch-benaderen"),
  GEBIED_CORRIGEREN("gebied-corrigeren"),
  INFORMATIE_DELEN("informatie-delen"),
  INFORMATIE_RAPPELLEREN("informatie-rappelleren"),
  REGIO_BELLEN("regio-bellen"),
  AFSTEMMING_LOKAAL_GEZAG("afstemming-lokaal-gezag"),
  BESLUIT_DREIGINGSNIVEAU("besluit-dreigingsniveau"),
  PUBLIEKSCOMMUNICATIE("publiekscommunicatie"),
  LOKALE_BOODSCHAP("lokale-boodschap"),
  SITUATIERAPPORT("situatierapport"),
  HERBEOORDELING("herbeoordeling"),
  BESLUIT_AFSCHALING("besluit-afschaling"),
  MEDEONDERTEKENING("medeondertekening"),
  EVALUATIE("evaluatie"),
  NAZORG("nazorg"),
  BEVESTIGING_OPSCHALING("bevestiging-opschaling"),
  ESCALATIE("escalatie"),
  LEIDING_EN_PUBLIEKSOPROEPEN("leiding-en-publieksoproepen"),
  BESLUIT_PUBLIEKSALARMERING("besluit-publieksalarmering"),
  OVERWEGING_DREIGINGSNIVEAU("overweging-dreigingsniveau"),
  BEOORDELING_LOCC("beoordeling-locc"),
  AANVULLENDE_INFORMATIE("aanvullende-informatie"),
  AANBOD_BIJSTAND("aanbod-bijstand"),
  ESCALATIE_ONVOLDOENDE_AANBOD("escalatie-onvoldoende-aanbod"),
  TOEWIJZING("toewijzing"),
  BESLUIT_BIJSTAND("besluit-bijstand"),
  RISICO_ASSESSMENT("risico-assessment"),
  BESLUIT_VERLENGING("besluit-verlenging"),
  KOSTENREGISTRATIE("kostenregistratie");

  /** Prefix of every form key. */
  public static final String KEY_PREFIX = "knooppunt:forms:";

  /** Folder on the classpath with the schemas. */
  public static final String FORMS_FOLDER = "forms/";

  private final String formName;

  Form(String formName) {
    this.formName = formName;
  }

  /** The form's name, e.g. {@code evaluatie}. */
  public String formName() {
    return formName;
  }

  /** The form reference in the BPMN, e.g. {@code knooppunt:forms:evaluatie}. */
  public String key() {
    return KEY_PREFIX + formName;
  }

  /** The classpath resource of the JSON Schema, e.g. {@code forms/evaluatie.schema.json}. */
  public String schemaResource() {
    return FORMS_FOLDER + formName + ".schema.json";
  }

  public static Optional<Form> ofKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
  }
}
