-- Related posts (docs/decisions/006-navigation-and-related.md, update of 2026-12-08): the fill-up ranks up to
-- tags × 200 candidates, and for each it needs to know whether the reader may see it and when it was published.
-- Read through the primary key, that is one heap page per candidate (about 650 for an article with five tags),
-- most of the statement's time; at 1,000,000 articles those pages are rarely in memory. This index answers the
-- public reader's question from the index alone: the published, undeleted articles' ids with the two columns
-- the ranking and the embargo look at. A plain CREATE INDEX: Flyway runs a migration in a transaction, and at
-- 1,000,000 articles the build holds writes to article for a few seconds.
create index article_visible_rank_idx on article (id) include (published_at, embargo_until)
    where status = 'published' and deleted_at is null;
