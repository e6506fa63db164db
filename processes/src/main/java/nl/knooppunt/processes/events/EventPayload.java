package nl.knooppunt.processes.events;

/**
 * The data of an event: one record per {@link EventType} (see {@link EventType#payload()}), English
 * identifiers, Dutch values (codes, enum values such as {@code AFKONDIGEN} or {@code BEVESTIGD}, as
 * in the glossary). Where a payload carries a process variable unchanged (a start, a request, an
 * allocation, costs, an evaluation), it is the catalogue's record of that variable ({@code
 * nl.knooppunt.processes.variables}), whose identifiers are the BPMN variable names.
 *
 * <p>A record that two event types share says so in its Javadoc. Optional fields are {@code null};
 * they are written as JSON {@code null}.
 */
public sealed interface EventPayload
    permits CrisisStarted,
        ProcessRegistered,
        CrisisClosed,
        FactRecorded,
        ThreatLevelChanged,
        ThreatLevelInForce,
        Notice,
        Acknowledgement,
        RoundSent,
        RoundCompleted,
        SlaPassed,
        PublicCommunicationPublished,
        GripAdviceGiven,
        PublicAppealIssued,
        SituationReportSent,
        LevelFiveProposed,
        LoweringProposed,
        AssistanceValidated,
        DeploymentRegistered,
        CostsRegistered,
        MessageDelivered,
        TaskCreated,
        TaskChanged,
        TaskClaimChanged,
        TaskCompletedByUser,
        ProcessStuck,
        ProcessResumed,
        ProcessRepaired,
        MeasuresSet,
        ImprovementActionRecorded,
        ImprovementActionDone,
        ImprovementActionStatusChanged,
        ImprovementActionReminder,
        EvaluationShared,
        DeliveryAttempt,
        ContactChainSet,
        LogbookAnchored {

  /** Where a worker's job ran, for the payloads a job produces; otherwise {@code null}. */
  default Origin origin() {
    return null;
  }

  /**
   * The process instance the event is about (the job's, the task's, the started one), so the read
   * model knows which crisis an instance (also a called one) belongs to; {@code null} when unknown.
   */
  default Long processInstanceKey() {
    Origin origin = origin();
    return origin == null ? null : origin.processInstanceKey();
  }
}
