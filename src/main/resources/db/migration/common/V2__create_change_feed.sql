-- The change feed: an outbox written in the same transaction as each change.
create table change_counter (
    id        integer primary key,
    last_seq  bigint  not null
);
insert into change_counter (id, last_seq) values (1, 0);

create table change_event (
    seq         bigint primary key,
    type        varchar(20)  not null,
    article_id  uuid         not null,
    slug        varchar(200) not null,
    at          timestamp with time zone not null,
    constraint change_event_type_ck check (type in ('publish', 'update', 'unpublish', 'delete', 'rights', 'embargo-lift'))
);
create index change_event_article_idx on change_event (article_id, seq);
