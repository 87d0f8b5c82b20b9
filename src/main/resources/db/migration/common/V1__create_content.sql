-- The content model: sections, tags, bylines, articles and the ordered links between them.
-- Written in the SQL that PostgreSQL and H2 (PostgreSQL mode) share.

create table section (
    id          uuid primary key,
    slug        varchar(200)  not null,
    name        varchar(200)  not null,
    description varchar(2000),
    position    integer       not null default 0,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null default 0,
    constraint section_slug_uk unique (slug)
);
create index section_position_idx on section (position, name, id);

create table tag (
    id          uuid primary key,
    slug        varchar(200)  not null,
    name        varchar(200)  not null,
    name_key    varchar(200)  not null, -- lower-cased name for prefix search (H2 has no expression indexes)
    type        varchar(20)   not null,
    description varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null default 0,
    constraint tag_slug_uk unique (slug),
    constraint tag_type_ck check (type in ('topic', 'person', 'place', 'organisation'))
);
create index tag_name_key_idx on tag (name_key, id);
create index tag_type_name_key_idx on tag (type, name_key, id);

create table byline (
    id          uuid primary key,
    slug        varchar(200)  not null,
    name        varchar(200)  not null,
    name_key    varchar(200)  not null,
    kind        varchar(20)   not null,
    title       varchar(200),
    bio         varchar(4000),
    avatar_url  varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null default 0,
    constraint byline_slug_uk unique (slug),
    constraint byline_kind_ck check (kind in ('person', 'organisation'))
);
create index byline_name_key_idx on byline (name_key, id);
create index byline_kind_name_key_idx on byline (kind, name_key, id);

create table byline_link (
    byline_id   uuid          not null references byline (id) on delete cascade,
    position    integer       not null,
    title       varchar(200)  not null,
    url         varchar(2000) not null,
    primary key (byline_id, position)
);

create table article (
    id                     uuid primary key,
    slug                   varchar(200)  not null,
    headline               varchar(500)  not null,
    standfirst             varchar(2000),
    dateline_place         varchar(200),
    dateline_source        varchar(200),
    body_html              varchar(1000000) not null,
    body_text              varchar(1000000) not null,
    lead_image_url         varchar(2000),
    lead_image_caption     varchar(1000),
    lead_image_credit      varchar(500),
    lead_image_file_photo  boolean,
    lead_image_alt         varchar(1000),
    lead_image_width       integer,
    lead_image_height      integer,
    language               varchar(35)   not null,
    status                 varchar(20)   not null,
    section_id             uuid          references section (id),
    published_at           timestamp with time zone,
    first_published_at     timestamp with time zone,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    word_count             integer       not null,
    reading_minutes        integer       not null,
    syndication_allowed    boolean       not null default true,
    embargo_until          timestamp with time zone,
    deleted_at             timestamp with time zone,
    version                bigint        not null default 0,
    constraint article_slug_uk unique (slug),
    constraint article_status_ck check (status in ('draft', 'scheduled', 'published', 'unpublished'))
);
-- One index per list order and filter; every order ends with id so keyset cursors are total.
create index article_status_published_idx on article (status, published_at, id);
create index article_status_updated_idx on article (status, updated_at, id);
create index article_section_published_idx on article (section_id, status, published_at, id);
create index article_language_published_idx on article (language, status, published_at, id);

create table article_correction (
    id          uuid primary key,
    article_id  uuid          not null references article (id) on delete cascade,
    corrected_at timestamp with time zone not null,
    note         varchar(4000) not null
);
create index article_correction_article_idx on article_correction (article_id, corrected_at);

create table article_byline (
    article_id  uuid        not null references article (id) on delete cascade,
    byline_id   uuid        not null references byline (id),
    position    integer     not null,
    role        varchar(20) not null,
    primary key (article_id, byline_id),
    constraint article_byline_role_ck check (role in ('author', 'agency', 'contributor', 'photographer'))
);
create index article_byline_byline_idx on article_byline (byline_id, article_id);

create table article_tag (
    article_id  uuid    not null references article (id) on delete cascade,
    tag_id      uuid    not null references tag (id),
    position    integer not null,
    primary key (article_id, tag_id)
);
create index article_tag_tag_idx on article_tag (tag_id, article_id);

create table article_related (
    article_id  uuid        not null references article (id) on delete cascade,
    related_id  uuid        not null references article (id) on delete cascade,
    position    integer     not null,
    relation    varchar(20) not null,
    primary key (article_id, related_id),
    constraint article_related_relation_ck check (relation in ('related', 'background', 'follow-up'))
);

-- Former slugs of an article; they answer 301 to the current slug.
create table article_slug_history (
    slug        varchar(200) primary key,
    article_id  uuid         not null references article (id) on delete cascade,
    retired_at  timestamp with time zone not null
);
create index article_slug_history_article_idx on article_slug_history (article_id);
