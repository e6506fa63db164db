-- Who plays an inject of an exercise run (issue 15, docs/adr/0043): with two gateway replicas on
-- one database an inject is played exactly once. A runner plays a run only while it holds the
-- run's lock (a PostgreSQL advisory lock in its own transaction: released when the runner's
-- connection ends, also when its replica dies) and claims each inject here before it acts. A claim
-- without a played event (exercise_event) means the replica that claimed it stopped in the middle
-- of the inject: the next runner plays it again and says so in the timeline.
create table exercise_inject_claim (
    run_id       text        not null references exercise_run (run_id),
    inject_index int         not null,
    claimed_by   text        not null,
    claimed_at   timestamptz not null,
    primary key (run_id, inject_index)
);
