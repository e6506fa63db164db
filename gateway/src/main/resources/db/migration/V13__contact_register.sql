-- Issue 19: the contact register (docs/adr/0035). The one source of the people the hub reaches per
-- authority: maintained on /contacten (page or CSV), every change a new version of the authority's
-- chain, one audit row and one record on the compacted contacts topic the workers read.

-- 1. One row per authority that has a chain in the register; version rises with every change.
create table contact_chain (
    authority_code  text primary key,
    version         integer     not null check (version >= 1),
    changed_by      text        not null,
    changed_by_name text,
    changed_at      timestamptz not null
);

-- 2. The people of a chain in calling order (several at one order share it by piket).
create table contact_person (
    id              bigserial primary key,
    authority_code  text    not null references contact_chain (authority_code) on delete cascade,
    place           integer not null,
    chain_order     integer not null check (chain_order >= 1),
    position        text    not null,
    name            text    not null,
    function        text,
    demo            boolean not null default false,
    unique (authority_code, place)
);

-- 3. How to reach a person, in the order tried (EMAIL, SMS, TELEFOON).
create table contact_channel (
    person_id bigint  not null references contact_person (id) on delete cascade,
    rank      integer not null,
    channel   text    not null,
    address   text    not null,
    primary key (person_id, rank)
);

-- 4. When a person is on duty (piket): from inclusive, until exclusive. None: always.
create table contact_duty (
    person_id  bigint      not null references contact_person (id) on delete cascade,
    from_at    timestamptz not null,
    until_at   timestamptz not null,
    check (from_at < until_at)
);
create index contact_duty_person on contact_duty (person_id);

-- 5. The audit trail: who changed which chain when, from where, before and after (JSON). Append
--    only, like the logbook.
create table contact_audit (
    id              bigserial primary key,
    authority_code  text        not null,
    version         integer,
    changed_by      text        not null,
    changed_by_name text,
    changed_at      timestamptz not null,
    source          text        not null,
    summary         text        not null,
    before_chain    text,
    after_chain     text
);
create index contact_audit_authority on contact_audit (authority_code, id);

create function contact_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'de audittrail van het contactregister is onveranderlijk: % is niet toegestaan', tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;
create trigger contact_audit_no_update before update or delete on contact_audit
    for each row execute function contact_audit_is_append_only();

-- 6. The reachability tests (bereikbaarheidstest): one informeer-gezagen instance per test, its
--    notification id is reference + '/' + authority code.
create sequence reachability_test_number;
create table reachability_test (
    reference            text primary key,
    authority_code       text        not null,
    notification_id      text        not null,
    process_instance_key bigint,
    chain_version        integer,
    chain                text        not null,
    started_by           text        not null,
    started_by_name      text,
    started_at           timestamptz not null,
    ended_by             text,
    ended_at             timestamptz
);
create index reachability_test_authority on reachability_test (authority_code, started_at);
