-- The application's database user is not the owner (issue 20 §6, docs/adr/0037). Flyway runs as
-- the owner (spring.flyway.user); the gateway connects as the application user
-- (spring.datasource.username, placeholder appuser), which may read and write what it must but
-- cannot ALTER or DROP a table or the logbook's triggers (only an owner can), and may only read and
-- append to the logbook: no UPDATE, DELETE or TRUNCATE, even with the trigger gone.
--
-- When both are the same user (tests, an installation not yet split) there is nothing to grant;
-- the production check refuses that in profile production.
do $$
declare
    app text := '${appuser}';
begin
    if app = '' or app = current_user then
        raise notice 'application user % is the owner: no grants', current_user;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        raise exception 'the application user % does not exist: create it first (docs/operations.md)', app;
    end if;
    if exists (select 1 from pg_roles where rolname = app and rolsuper) then
        raise exception 'the application user % is a superuser: it could alter the logbook (docs/operations.md)', app;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), app);
    execute format('grant select, insert, update, delete, truncate on all tables in schema %I to %I', current_schema(), app);
    execute format('grant usage, select, update on all sequences in schema %I to %I', current_schema(), app);
    -- the logbook: read and append only
    execute format('revoke update, delete, truncate, references, trigger on logbook from %I', app);
    -- the history of the migrations: read only
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    -- tables and sequences of later migrations (created by this owner) alike
    execute format('alter default privileges in schema %I grant select, insert, update, delete, truncate on tables to %I', current_schema(), app);
    execute format('alter default privileges in schema %I grant usage, select, update on sequences to %I', current_schema(), app);
end
$$;
