-- Breaking-news alerts (docs/decisions/161-breaking-alerts.md): the decision to push a story and the copy of the push,
-- attached to a published article or to one of its live-blog entries. Topics are section and tag slugs, stored
-- comma-separated (an alert has a few; the active ones are few).
create table alert (
    id            uuid primary key,
    article_id    uuid          not null references article (id),
    entry_id      uuid          references live_entry (id),
    level         varchar(20)   not null,
    title         varchar(110)  not null,
    body          varchar(1000),
    topics        varchar(4000) not null default '',
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    withdrawn_at  timestamp with time zone,
    created_by    uuid,
    constraint alert_level_ck check (level in ('breaking', 'major', 'info'))
);
create index alert_expires_idx on alert (expires_at, created_at);

alter table change_event drop constraint change_event_type_ck;
alter table change_event add constraint change_event_type_ck
    check (type in ('publish', 'update', 'correction', 'unpublish', 'delete', 'rights', 'embargo-lift',
                    'entry-added', 'entry-updated', 'entry-deleted', 'alert'));
