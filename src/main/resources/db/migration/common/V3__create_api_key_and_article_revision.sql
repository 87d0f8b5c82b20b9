-- API keys: only a SHA-256 hash of each secret is stored; the secret is shown once, when created.
create table api_key (
    id           uuid primary key,
    name         varchar(200)  not null,
    prefix       varchar(16)   not null, -- the first characters of the secret, to recognise a key in lists
    secret_hash  varchar(64)   not null,
    role         varchar(20)   not null,
    full_text    boolean       not null default false,
    section_ids  varchar(4000) not null default '', -- partner entitlements, comma-separated ids; empty = all
    tag_ids      varchar(4000) not null default '',
    rate_limit   integer,                          -- requests per window; null = the role's default
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    constraint api_key_secret_hash_uk unique (secret_hash),
    constraint api_key_role_ck check (role in ('partner', 'editor', 'admin'))
);
create index api_key_created_idx on api_key (created_at, id);

-- Earlier versions of an article: a snapshot of its editable fields taken before each update.
create table article_revision (
    id          uuid primary key,
    article_id  uuid          not null references article (id) on delete cascade,
    version     bigint        not null,
    status      varchar(20)   not null,
    saved_at    timestamp with time zone not null,
    saved_by    uuid,
    content     varchar(3000000) not null,
    constraint article_revision_version_uk unique (article_id, version)
);
