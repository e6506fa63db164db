-- The reminder to the owner of an open improvement action before its due date (issue #16,
-- docs/adr/0044): which reminder was sent last and when. The claim that it is sent once is the
-- event id (processed_event), the same on every replica and after a restart.
alter table improvement_action
    add column reminder    text,
    add column reminded_at timestamptz;
