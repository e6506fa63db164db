package nl.knooppunt.engine.model;

/** The executable element kinds the engine implements. */
public enum ElementKind {
  PROCESS,
  START_EVENT,
  END_EVENT,
  /**
   * Service, send and business-rule tasks, message throw and end events, job-based script and user
   * tasks: all executed as jobs.
   */
  JOB_TASK,
  USER_TASK,
  RECEIVE_TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  INCLUSIVE_GATEWAY,
  EVENT_BASED_GATEWAY,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  SUB_PROCESS,
  CALL_ACTIVITY,
  /**
   * Undefined and manual tasks (pass through) and script tasks with a FEEL {@code zeebe:script}
   * (evaluated, result in the result variable); ADR 0047.
   */
  TASK,
  /** The multi-instance body that wraps an activity with loop characteristics. */
  MULTI_INSTANCE_BODY;

  public boolean isActivity() {
    return this == JOB_TASK
        || this == USER_TASK
        || this == RECEIVE_TASK
        || this == SUB_PROCESS
        || this == CALL_ACTIVITY
        || this == TASK;
  }

  public boolean isFlowScope() {
    return this == PROCESS || this == SUB_PROCESS;
  }
}
