-- What partners may see changes over time, so every change-feed entry keeps the state that
-- decides it (after the change) and points at the article's previous entry (the state before).
-- A partner is shown an entry when the article was visible to it before or after the change.
alter table change_event add column prev_seq bigint;
alter table change_event add column live boolean not null default false;
alter table change_event add column section_id uuid;
alter table change_event add column tag_ids varchar(8000) not null default '';
alter table change_event add column syndication_allowed boolean not null default true;
alter table change_event add column embargo_until timestamp with time zone;

-- The due-changes job looks for embargoes that have passed and scheduled publications that are due.
create index article_embargo_until_idx on article (embargo_until);

-- Webhook receivers registered by admins, and the log of every delivery attempt.
create table webhook (
    id           uuid primary key,
    url          varchar(2000) not null,
    event_types  varchar(200)  not null, -- comma-separated change types
    secret       varchar(200)  not null,
    description  varchar(500),
    active       boolean       not null default true,
    last_seq     bigint        not null, -- change-feed position up to which deliveries were queued
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint        not null default 0
);

create table webhook_delivery (
    id              uuid primary key,
    webhook_id      uuid         not null references webhook (id) on delete cascade,
    seq             bigint       not null,
    event_type      varchar(20)  not null,
    article_id      uuid         not null,
    payload         varchar(4000) not null,
    status          varchar(20)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamp with time zone,
    last_attempt_at timestamp with time zone,
    response_status integer,
    error           varchar(500),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    constraint webhook_delivery_event_uk unique (webhook_id, seq),
    constraint webhook_delivery_status_ck check (status in ('pending', 'delivered', 'failed'))
);
create index webhook_delivery_due_idx on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, created_at, id);
