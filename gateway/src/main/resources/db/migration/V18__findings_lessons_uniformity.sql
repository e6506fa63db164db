-- Leren en uniformiteit (issue #16, docs/adr/0044). An improvement action is one finding of an
-- evaluation: finding, lesson, action, owner, due date, procedure step, tags; it is open, in
-- progress, done or dropped (with the reason). The lessons are searched in Dutch.
alter table improvement_action
    add column finding           text,
    add column lesson            text,
    add column step              text,
    add column tags              text[] not null default '{}',
    add column shared            boolean not null default false,
    add column status_reason     text,
    add column status_changed_at timestamptz,
    add column search            tsvector;

-- the text a lesson is found by, weighted: the lesson first, then the finding, the action, the tags
-- (kept by the projection, which writes the same expression)
update improvement_action set search =
    setweight(to_tsvector('dutch', coalesce(lesson, '')), 'A')
    || setweight(to_tsvector('dutch', coalesce(finding, '')), 'B')
    || setweight(to_tsvector('dutch', text), 'C');

create index improvement_action_search on improvement_action using gin (search);
create index improvement_action_step on improvement_action (step);

-- uniformity: the region's steps per form and time, and the acknowledgements per region
create index task_uniformity on task (form_key, created_at) where vr_code is not null;
create index notification_uniformity on notification (sent_at) where vr_code is not null;
