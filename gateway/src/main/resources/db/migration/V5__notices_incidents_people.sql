-- Issue 12: what people need to finish a story.
-- 1. A notice keeps what was sent (subject, text and its parts) so the recipient can read it on a
--    page and acknowledge it; the fallback notice of a recipient is the same notice sent again
--    (no row of its own), so acknowledgements count once per recipient and round.
alter table notification
    add column round_ref        text,
    add column subject          text,
    add column body             text,
    add column details          text,
    add column fallback_at      timestamptz,
    add column fallback_channel text;

update notification p set fallback_at = f.sent_at, fallback_channel = f.channel
  from notification f
 where f.notification_id = p.notification_id || '/fallback';
delete from notification where notification_id like '%/fallback';
update notification
   set round_ref = left(notification_id, length(notification_id) - length(recipient_code) - 1)
 where recipient_code is not null and notification_id like '%/' || recipient_code;
create index notification_recipient on notification (recipient_code, acknowledged_at);
create index notification_municipality on notification (municipality_code);

-- 2. A step the engine cannot go on with (an incident): shown in red until it is resolved.
create table incident (
    incident_key         bigint primary key,
    crisis_id            text,
    process_instance_key bigint,
    process_id           text,
    element_id           text,
    step                 text,
    error_type           text,
    error_message        text,
    exercise             boolean     not null default false,
    created_at           timestamptz not null,
    resolved_at          timestamptz
);
create index incident_open on incident (crisis_id) where resolved_at is null;

-- Which crisis a process instance (also a called one, e.g. informeer-gezagen) belongs to.
create table process_instance (
    process_instance_key bigint primary key,
    crisis_id            text not null
);

-- 3. People by name: the display name of every user the gateway saw act (from its own events).
create table person (
    username     text primary key,
    display_name text        not null,
    updated_at   timestamptz not null
);

-- 4. What a task is about beyond its name (the recipient to call), so 33 call tasks are told apart.
alter table task add column subject text;
update task set subject = (variables::jsonb -> 'ontvanger' ->> 'naam')
 where variables is not null and variables like '{%' and (variables::jsonb ? 'ontvanger');
