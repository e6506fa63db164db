-- The versions of the level-5 measures per role that the beheerder set (docs/adr/0023); version 1
-- comes from the seeds (directory module) and is not stored. Projected from maatregelen.vastgesteld.
create table measures_version (
    version      integer primary key,
    measures     text not null,
    set_by       text,
    set_by_name  text,
    set_at       timestamptz not null
);
