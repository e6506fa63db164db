package nl.knooppunt.gateway.security;

import static nl.knooppunt.gateway.security.Rol.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles may call which API operation (by {@code operationId}). One table, enforced by {@link
 * AccessInterceptor} before the request is read, documented in docs/api.md and checked by the
 * access-matrix test. An operation missing here is refused (fail closed). Scope (own region, own
 * municipality, task candidate groups) is checked on top of this, in the services.
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** Operations anyone may call, without login. */
  public static final Set<String> PUBLIC_OPERATIONS = Set.of("getHubInfo");

  /**
   * Every role that works with crises. The exercise director ({@link Rol#OEFENLEIDER}) is not one:
   * it works only on its own pages ({@code /oefeningen}) and reads no crisis through the API.
   */
  private static final Set<Rol> ALL = EnumSet.complementOf(EnumSet.of(OEFENLEIDER));

  private static final Set<Rol> NATIONAL_READERS =
      EnumSet.of(
          LANDELIJK_OPERATOR,
          NCTV_BESLUITVORMER,
          COMMUNICATIEADVISEUR,
          LOCC_OFFICIER,
          HOOFD_LOCC,
          MANAGEMENT,
          BEHEERDER);
  private static final Set<Rol> TASK_READERS =
      EnumSet.complementOf(EnumSet.of(MANAGEMENT, OEFENLEIDER));
  private static final Set<Rol> TASK_WORKERS =
      EnumSet.complementOf(EnumSet.of(MANAGEMENT, BEHEERDER, OEFENLEIDER));

  private static final Map<String, Set<Rol>> ALLOWED = new LinkedHashMap<>();

  static {
    // processes
    ALLOWED.put("startThreatLevelProposal", EnumSet.of(LANDELIJK_OPERATOR));
    ALLOWED.put("startManhunt", EnumSet.of(LANDELIJK_OPERATOR));
    ALLOWED.put("startAssistanceRequest", EnumSet.of(REGIO, LOCC_OFFICIER, LANDELIJK_OPERATOR));
    ALLOWED.put("proposeLowering", EnumSet.of(LANDELIJK_OPERATOR));
    ALLOWED.put("decideWithoutFullInformation", EnumSet.of(NCTV_BESLUITVORMER));
    ALLOWED.put("requestExtension", EnumSet.of(REGIO, LOCC_OFFICIER));
    ALLOWED.put("reportArrest", EnumSet.of(LANDELIJK_OPERATOR, POLITIE, OM));
    ALLOWED.put("reportTerroristMotive", EnumSet.of(LANDELIJK_OPERATOR, POLITIE));
    ALLOWED.put("endManhunt", EnumSet.of(LANDELIJK_OPERATOR, POLITIE, OM));
    ALLOWED.put("endDeployment", EnumSet.of(REGIO, LOCC_OFFICIER, LANDELIJK_OPERATOR));
    // crises
    ALLOWED.put("listCrises", ALL);
    ALLOWED.put("getCrisis", ALL);
    ALLOWED.put("getCrisisTimeline", ALL);
    // the evaluation: regions read it once it is shared with them (scope in EvaluationService)
    Set<Rol> evaluationReaders = EnumSet.copyOf(NATIONAL_READERS);
    evaluationReaders.add(REGIO);
    ALLOWED.put("getEvaluationReport", evaluationReaders);
    Set<Rol> evaluators =
        EnumSet.of(LANDELIJK_OPERATOR, NCTV_BESLUITVORMER, LOCC_OFFICIER, HOOFD_LOCC);
    ALLOWED.put("listImprovementActions", NATIONAL_READERS);
    ALLOWED.put("listOpenImprovementActions", NATIONAL_READERS);
    ALLOWED.put("addImprovementAction", evaluators);
    ALLOWED.put("completeImprovementAction", evaluators);
    ALLOWED.put("shareEvaluation", EnumSet.of(LANDELIJK_OPERATOR, NCTV_BESLUITVORMER));
    // notifications
    ALLOWED.put("listCrisisNotifications", ALL);
    Set<Rol> recipients = EnumSet.of(GEZAG, REGIO, POLITIE, OM, LANDELIJK_OPERATOR);
    ALLOWED.put("listMyNotifications", recipients);
    ALLOWED.put("acknowledgeNotification", recipients);
    // the level-5 measures per role that notices carry: everyone may read, the beheerder edits
    ALLOWED.put("getMeasures", ALL);
    ALLOWED.put("publishMeasures", EnumSet.of(BEHEERDER));
    // tasks
    ALLOWED.put("listTasks", TASK_READERS);
    ALLOWED.put("getTask", TASK_READERS);
    ALLOWED.put("claimTask", TASK_WORKERS);
    ALLOWED.put("unclaimTask", TASK_WORKERS);
    ALLOWED.put("completeTask", TASK_WORKERS);
    // threat levels
    ALLOWED.put("listThreatLevels", ALL);
    ALLOWED.put("listThreatLevelHistory", ALL);
    // dashboards
    ALLOWED.put(
        "getDashboard",
        EnumSet.of(
            MANAGEMENT,
            LANDELIJK_OPERATOR,
            NCTV_BESLUITVORMER,
            LOCC_OFFICIER,
            HOOFD_LOCC,
            BEHEERDER));
    // logbook
    Set<Rol> logbook = EnumSet.of(MANAGEMENT, LANDELIJK_OPERATOR, NCTV_BESLUITVORMER, BEHEERDER);
    ALLOWED.put("exportLogbookJson", logbook);
    ALLOWED.put("exportLogbookCsv", logbook);
    ALLOWED.put("verifyLogbook", EnumSet.of(MANAGEMENT, LANDELIJK_OPERATOR, BEHEERDER));
    // directory and user
    ALLOWED.put("listRegions", ALL);
    ALLOWED.put("listMunicipalities", ALL);
    ALLOWED.put("getCurrentUser", ALL);
    // the second NCTV decider and the head of the NCTV / DG (the review's escalation chain, #14
    // item 2) may what a decider may
    ALLOWED
        .values()
        .forEach(
            roles -> {
              if (roles.contains(NCTV_BESLUITVORMER)) {
                roles.add(NCTV_TWEEDE_BESLUITVORMER);
                roles.add(NCTV_HOOFD);
              }
            });
  }

  /**
   * Who may read the page of the mail and SMS the hub sent ({@code /berichten}, no API operation):
   * the beheerder all of them, a region those to the authorities of its region, a gezag those to
   * its own municipality's authority.
   */
  public static final Set<Rol> SENT_MESSAGE_READERS = EnumSet.of(BEHEERDER, REGIO, GEZAG);

  /** Whether the user may open the page of the messages the hub sent. */
  public static boolean readsSentMessages(KnooppuntUser user) {
    return user.hasAny(SENT_MESSAGE_READERS);
  }

  /**
   * Whether the user reads at national level (every crisis's evaluation); a region reads only what
   * was shared with it.
   */
  public static boolean isNationalReader(KnooppuntUser user) {
    return user.hasAny(NATIONAL_READERS);
  }

  /** The roles allowed to call an operation; empty when the operation is unknown. */
  public static Optional<Set<Rol>> allowed(String operationId) {
    return Optional.ofNullable(ALLOWED.get(operationId)).map(Collections::unmodifiableSet);
  }

  /**
   * Whether the user may perform the operation (an {@code operationId} of the contract); the web
   * pages ask the same question as the API.
   */
  public static boolean permits(KnooppuntUser user, String operationId) {
    return PUBLIC_OPERATIONS.contains(operationId)
        || allowed(operationId).map(user::hasAny).orElse(false);
  }

  /** Every operation with its roles (for documentation and tests). */
  public static Map<String, Set<Rol>> table() {
    return Collections.unmodifiableMap(ALLOWED);
  }
}
