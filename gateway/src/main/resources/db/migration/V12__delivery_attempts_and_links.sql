-- Issue 19: reaching people by mail and SMS, and acknowledging from the message itself.
-- 1. Every attempt of the workers to deliver a notice by e-mail or SMS (event
--    nl.knooppunt.melding.afleverpoging): shown per notice in the notification table and on
--    /berichten. One row per notice, person of the chain and channel (a retried job writes the
--    same event id, so the same row).
create table delivery_attempt (
    event_id        text primary key,
    notification_id text        not null,
    crisis_id       text,
    recipient_code  text,
    recipient_name  text,
    chain_order     integer     not null,
    person          text,
    channel         text        not null,
    address         text,
    demo_contact    boolean     not null default false,
    status          text        not null,
    detail          text,
    subject         text,
    body            text,
    exercise        boolean     not null default false,
    attempted_at    timestamptz not null
);
create index delivery_attempt_notification on delivery_attempt (notification_id);
create index delivery_attempt_recipient on delivery_attempt (recipient_code, attempted_at);

-- 2. Each personal link the gateway accepted (single use): its fingerprint, never the token. The
--    acknowledgement itself lands in notification like one from the hub; this row says which
--    person of the chain confirmed, by which link (a reachability test reports from it).
create table acknowledgement_link_use (
    fingerprint     text primary key,
    notification_id text        not null,
    recipient_code  text        not null,
    chain_order     integer     not null,
    person          text,
    used_at         timestamptz not null
);
create index acknowledgement_link_use_notification on acknowledgement_link_use (notification_id);
