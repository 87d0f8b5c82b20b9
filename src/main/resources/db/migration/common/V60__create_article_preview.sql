-- Preview links (docs/decisions/152-preview-links.md): an editor shares one draft or scheduled article through a
-- token that expires (at most 7 days) and can be revoked. Only the SHA-256 hash of a token is stored.
create table article_preview (
    id          uuid primary key,
    article_id  uuid not null references article (id),
    token_hash  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    created_by  uuid, -- the editor key that made it
    constraint article_preview_token_hash_uk unique (token_hash)
);
create index article_preview_article_idx on article_preview (article_id, created_at);
