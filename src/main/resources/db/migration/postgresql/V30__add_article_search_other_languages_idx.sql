-- Search (docs/decisions/040-search.md, 2026-12-03): the statement has one branch per text search
-- configuration. The branch of the articles not in English matches the 'simple' tsquery, whose words are
-- often the English lexemes too ('helsinki', 'oil'): read through article_search_idx, it fetched every
-- English article holding the word only to drop it on search_config (14 s for one word at 1,000,000
-- articles). This index holds the other languages' articles only, so that branch reads just those.
create index article_search_other_idx on article using gin (search_vector)
    where search_config <> cast('english' as regconfig);
