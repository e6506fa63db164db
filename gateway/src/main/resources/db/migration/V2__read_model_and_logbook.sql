-- The gateway's read model (projections of knooppunt.events.v1 and of the user-task listener
-- jobs) and the append-only, hash-chained logbook. Projection tables can be emptied and rebuilt by
-- replaying the topic from the start (ReadModelRebuilder); the logbook never changes.

-- Which events a projection has applied: the idempotency key of every projection.
create table processed_event (
    event_id     text primary key,
    type         text        not null,
    processed_at timestamptz not null
);

create table crisis (
    crisis_id            text primary key,
    process_id           text        not null,
    title                text,
    status               text        not null,
    closed               boolean     not null default false,
    exercise             boolean     not null default false,
    area_kind            text,
    area_codes           text[]      not null default '{}',
    area_name            text,
    regions              text[]      not null default '{}',
    started_at           timestamptz,
    started_by           text,
    closed_at            timestamptz,
    decided_at           timestamptz,
    process_instance_key bigint,
    linked_crisis_id     text,
    start_data           text,
    updated_at           timestamptz not null
);
create index crisis_open on crisis (exercise, closed, started_at desc);

create table task (
    task_key             bigint primary key,
    crisis_id            text,
    process_id           text,
    element_id           text,
    name                 text,
    form_key             text,
    candidate_groups     text[]      not null default '{}',
    candidate_users      text[]      not null default '{}',
    assignee             text,
    vr_code              text,
    state                text        not null,
    exercise             boolean     not null default false,
    process_instance_key bigint,
    created_at           timestamptz not null,
    due_at               timestamptz,
    sla                  text,
    ended_at             timestamptz,
    completed_by         text,
    completion_data      text,
    variables            text
);
create index task_open on task (state, due_at);
create index task_crisis on task (crisis_id);
create index task_groups on task using gin (candidate_groups);

create table decision (
    event_id   text primary key,
    crisis_id  text        not null,
    decision   text,
    decided_by text,
    decided_at timestamptz not null,
    motivation text,
    task_name  text
);
create index decision_crisis on decision (crisis_id, decided_at);

create table notification (
    notification_id   text primary key,
    crisis_id         text,
    recipient_code    text,
    recipient_name    text,
    municipality_code text,
    vr_code           text,
    kind              text,
    channel           text,
    round             integer,
    requires_ack      boolean     not null default true,
    exercise          boolean     not null default false,
    sent_at           timestamptz,
    acknowledged_at   timestamptz,
    acknowledged_by   text,
    ack_route         text,
    escalated_at      timestamptz
);
create index notification_crisis on notification (crisis_id);

-- The level in force per area (one row per area and per world: exercise never mixes with real).
create table threat_level (
    area_code   text        not null,
    exercise    boolean     not null,
    area_kind   text,
    area_name   text,
    level       integer     not null,
    crisis_id   text,
    valid_from  timestamptz,
    valid_until timestamptz,
    primary key (area_code, exercise)
);

create table threat_level_change (
    event_id    text        not null,
    area_code   text        not null,
    area_name   text,
    level       integer     not null,
    action      text,
    crisis_id   text,
    valid_from  timestamptz,
    valid_until timestamptz,
    exercise    boolean     not null,
    recorded_at timestamptz not null,
    primary key (event_id, area_code)
);

create table assistance (
    crisis_id         text primary key,
    requesting_region text,
    capacity          text,
    requested         integer,
    allocated         integer     not null default 0,
    status            text        not null,
    exercise          boolean     not null default false,
    deployment_until  timestamptz
);

-- The logbook: append-only and hash-chained. hash = SHA-256 over the previous hash and this
-- entry's fields (see Logbook.java); the first entry's previous hash is 64 zeros.
create table logbook (
    sequence      bigint primary key,
    event_id      text        not null unique,
    crisis_id     text,
    type          text        not null,
    occurred_at   timestamptz not null,
    recorded_at   timestamptz not null,
    actor         text,
    summary       text,
    exercise      boolean     not null default false,
    data          text        not null,
    previous_hash text        not null,
    hash          text        not null
);
create index logbook_crisis on logbook (crisis_id, sequence);

create function logbook_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'het logboek is onveranderlijk: % is niet toegestaan', tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;
create trigger logbook_no_update before update or delete on logbook
    for each row execute function logbook_is_append_only();
create trigger logbook_no_truncate before truncate on logbook
    for each statement execute function logbook_is_append_only();
