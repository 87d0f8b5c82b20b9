-- Curated fronts (docs/decisions/153-curated-fronts.md): a named, ordered front of collections of articles. The
-- collections, their slots and the slots' overrides are one JSON document (the front is always read and written whole).
create table front (
    id          uuid primary key,
    slug        varchar(200) not null,
    title       varchar(300) not null,
    position    integer not null default 0,
    collections varchar(1000000) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint front_slug_uk unique (slug)
);

-- A change of a front that takes effect at a time: the whole front as it will be then.
create table front_schedule (
    id          uuid primary key,
    front_id    uuid not null references front (id) on delete cascade,
    due_at      timestamp with time zone not null,
    title       varchar(300) not null,
    collections varchar(1000000) not null,
    created_at  timestamp with time zone not null,
    applied_at  timestamp with time zone
);
create index front_schedule_due_idx on front_schedule (applied_at, due_at);

-- A front change is an entry of the change feed of its own (type 'front'; article_id and slug are the front's).
alter table change_event drop constraint change_event_type_ck;
alter table change_event add constraint change_event_type_ck
    check (type in ('publish', 'update', 'correction', 'unpublish', 'delete', 'rights', 'embargo-lift',
                    'entry-added', 'entry-updated', 'entry-deleted', 'alert', 'front'));
