-- Live blogs (docs/decisions/160-live-blogs.md): an article can be live, with the time its coverage starts and ends,
-- and carries entries of its own. Each entry write takes the article's next entry number (change_seq, under the
-- article's row lock), so `GET .../entries?since=` finds what was added, edited or deleted after a poll.
alter table article add column live boolean default false not null;
alter table article add column coverage_start timestamp with time zone;
alter table article add column coverage_end timestamp with time zone;

create table live_entry (
    id             uuid primary key,
    article_id     uuid          not null references article (id),
    at             timestamp with time zone not null,
    title          varchar(500),
    body_html      varchar(200000) not null,
    body_text      varchar(200000) not null,
    key_event      boolean       not null default false,
    pinned         boolean       not null default false,
    image_url      varchar(2000),
    image_alt      varchar(1000),
    image_caption  varchar(1000),
    image_credit   varchar(500),
    change_seq     bigint        not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    deleted_at     timestamp with time zone,
    version        bigint        not null default 0
);
create index live_entry_article_at_idx on live_entry (article_id, at, id);
create index live_entry_article_change_idx on live_entry (article_id, change_seq);

create table live_entry_byline (
    entry_id   uuid    not null references live_entry (id) on delete cascade,
    position   integer not null,
    byline_id  uuid    not null references byline (id),
    primary key (entry_id, position)
);

-- An entry added to, edited in or deleted from a visible live blog is a change of the article.
alter table change_event drop constraint change_event_type_ck;
alter table change_event add constraint change_event_type_ck
    check (type in ('publish', 'update', 'correction', 'unpublish', 'delete', 'rights', 'embargo-lift',
                    'entry-added', 'entry-updated', 'entry-deleted'));
