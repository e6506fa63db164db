-- Exercise runs (issue 15, docs/adr/0043): a scenario played in the OEFENING world. The run, the
-- crises its injects started, every inject as played (or refused), the inject cards in the live
-- participants' inboxes and the director's lessons. A restart resumes a running run from its
-- first inject not yet played.
create table exercise_run (
    run_id           text        primary key,
    scenario_id      text        not null,
    scenario_version int         not null,
    title            text        not null,
    live             text[]      not null,
    accelerated      boolean     not null,
    status           text        not null,
    started_at       timestamptz not null,
    started_by       text        not null,
    paused_at        timestamptz,
    paused_seconds   bigint      not null default 0,
    ended_at         timestamptz,
    lessons          text
);

create index exercise_run_scenario on exercise_run (scenario_id, started_at);

create table exercise_run_crisis (
    run_id    text not null references exercise_run (run_id),
    crisis_id text not null,
    primary key (run_id, crisis_id)
);

create table exercise_event (
    run_id         text        not null references exercise_run (run_id),
    seq            int         not null,
    inject_index   int,
    offset_seconds bigint      not null,
    at             timestamptz not null,
    kind           text        not null,
    participant    text        not null,
    live           boolean     not null,
    text           text        not null,
    outcome        text        not null,
    primary key (run_id, seq)
);

create unique index exercise_event_inject on exercise_event (run_id, inject_index);

create table exercise_card (
    card_id     bigserial   primary key,
    run_id      text        not null references exercise_run (run_id),
    participant text        not null,
    text        text        not null,
    at          timestamptz not null
);

create index exercise_card_participant on exercise_card (participant, at);
