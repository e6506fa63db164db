-- Scenarios the exercise director uploaded (issue 15, docs/adr/0043): kept, so that a restart or
-- the other gateway replica still knows them and a run of an uploaded scenario resumes. The
-- shipped scenarios stay files in the gateway; an upload with a shipped scenario's id and version
-- is refused by the loader's own id rules only if it is malformed: the last upload of an id and
-- version wins.
create table exercise_scenario (
    scenario_id text        not null,
    version     int         not null,
    file_name   text        not null,
    text        text        not null,
    uploaded_at timestamptz not null,
    uploaded_by text        not null,
    primary key (scenario_id, version)
);
