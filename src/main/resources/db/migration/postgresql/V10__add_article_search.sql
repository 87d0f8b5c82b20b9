-- Full-text search (docs/decisions/040-search.md): a stored, weighted tsvector per article, kept
-- up to date by PostgreSQL itself (generated columns), and a GIN index over it.
-- The text search configuration is stored per row: English stemming for English articles,
-- 'simple' (lower-cased words, no stemming, no stop words) for every other language.
alter table article add column search_config regconfig
    generated always as (case when lower(language) = 'en' or lower(language) like 'en-%'
                              then cast('english' as regconfig) else cast('simple' as regconfig) end) stored;

-- A generated column cannot read another one, so the configuration expression is repeated here.
alter table article add column search_vector tsvector
    generated always as (
        setweight(to_tsvector(case when lower(language) = 'en' or lower(language) like 'en-%'
                                   then cast('english' as regconfig) else cast('simple' as regconfig) end,
                              coalesce(headline, '')), 'A')
        || setweight(to_tsvector(case when lower(language) = 'en' or lower(language) like 'en-%'
                                      then cast('english' as regconfig) else cast('simple' as regconfig) end,
                                 coalesce(standfirst, '')), 'B')
        || setweight(to_tsvector(case when lower(language) = 'en' or lower(language) like 'en-%'
                                      then cast('english' as regconfig) else cast('simple' as regconfig) end,
                                 coalesce(body_text, '')), 'C')) stored;

create index article_search_idx on article using gin (search_vector);
