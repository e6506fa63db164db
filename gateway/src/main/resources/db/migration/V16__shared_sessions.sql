-- The pages' sessions in the read-model database, shared by every gateway replica (Spring Session
-- JDBC, docs/adr/0038): a request that lands on another replica behind the round-robin proxy finds
-- its sign-in, CSRF token, chosen world (oefening) and flash messages here. The tables are Spring
-- Session's own (schema-postgresql.sql of spring-session-jdbc 3.5); the application user gets
-- SELECT, INSERT, UPDATE and DELETE on them through V15's default privileges (created by the owner).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
