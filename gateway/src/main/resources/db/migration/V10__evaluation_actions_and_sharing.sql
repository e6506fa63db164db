-- The evaluation that closes the loop (issue #14 item 15, docs/adr/0030). Projected from
-- verbeteractie.vastgelegd / verbeteractie.afgerond / evaluatie.gedeeld; crisis_id is the crisis
-- whose evaluation it is (for a manhunt and its linked level 5: the manhunt).
create table improvement_action (
    action_id        text primary key,
    crisis_id        text not null,
    exercise         boolean not null default false,
    text             text not null,
    owner            text not null,
    due_date         date not null,
    status           text not null default 'OPEN',
    created_by       text,
    created_by_name  text,
    created_at       timestamptz not null,
    done_by          text,
    done_by_name     text,
    done_at          timestamptz,
    done_note        text
);
create index improvement_action_open on improvement_action (status, due_date);
create index improvement_action_crisis on improvement_action (crisis_id);

create table evaluation_share (
    crisis_id        text primary key,
    regions          text[] not null,
    shared_by        text,
    shared_by_name   text,
    shared_at        timestamptz not null
);
