-- Every start of the gateway, for operators: when the hub was (re)started and with which version.
create table installation_start (
    id         bigserial primary key,
    started_at timestamptz not null,
    version    text        not null,
    mode       text        not null
);
