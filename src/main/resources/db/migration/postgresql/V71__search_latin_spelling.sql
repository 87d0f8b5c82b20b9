-- Search across scripts (docs/decisions/131-search-in-kurdish-and-arabic.md): the vector also holds the Latin
-- spelling of the Arabic-script words (V70's columns, already folded), with the weight of the field they come from, so
-- that a Latin query typed without accents (hewler, silemani) finds the Sorani spelling (هەولێر, سلێمانی). English
-- and Arabic articles have no Latin spelling: their vectors are as before. The column is made again (a generated
-- column's expression cannot be altered in PostgreSQL 15), and with it its indexes, now one per branch of the search.
alter table article drop column search_vector;

alter table article add column search_vector tsvector
    generated always as (
        setweight(to_tsvector(case when lower(language) = 'en' or lower(language) like 'en-%' then cast('english' as regconfig)
                                   when lower(language) = 'ar' or lower(language) like 'ar-%' then cast('arabic' as regconfig)
                                   else cast('simple' as regconfig) end,
                              search_fold(coalesce(headline, ''))), 'A')
        || setweight(to_tsvector(case when lower(language) = 'en' or lower(language) like 'en-%' then cast('english' as regconfig)
                                      when lower(language) = 'ar' or lower(language) like 'ar-%' then cast('arabic' as regconfig)
                                      else cast('simple' as regconfig) end,
                                 search_fold(coalesce(standfirst, ''))), 'B')
        || setweight(to_tsvector(case when lower(language) = 'en' or lower(language) like 'en-%' then cast('english' as regconfig)
                                      when lower(language) = 'ar' or lower(language) like 'ar-%' then cast('arabic' as regconfig)
                                      else cast('simple' as regconfig) end,
                                 search_fold(coalesce(body_text, ''))), 'C')
        || setweight(to_tsvector(cast('simple' as regconfig), coalesce(latin_headline, '')), 'A')
        || setweight(to_tsvector(cast('simple' as regconfig), coalesce(latin_standfirst, '')), 'B')
        || setweight(to_tsvector(cast('simple' as regconfig), coalesce(latin_body, '')), 'C')) stored;

-- One GIN index per branch of the search statement (English, Arabic, the others), over the vector of that branch's
-- articles only (null for the rest). Besides the index, PostgreSQL keeps statistics of each expression, so it
-- estimates how many articles of the branch hold a word from that branch's own articles: with one column-wide estimate,
-- a word common in Sorani articles looked common in the English branch too, which then walked the publication index
-- through every English article finding none (docs/benchmarks.md finding 21). These replace article_search_idx and
-- article_search_other_idx (V30).
create index article_search_english_idx on article using gin (
    (case when search_config = cast('english' as regconfig) then search_vector end));
create index article_search_arabic_idx on article using gin (
    (case when search_config = cast('arabic' as regconfig) then search_vector end));
create index article_search_other_idx on article using gin (
    (case when search_config <> cast('english' as regconfig) and search_config <> cast('arabic' as regconfig)
          then search_vector end));
analyze article;

-- The articles written before V70, to be spelled by the application (search/LatinSpellingBackfill); empty once done.
create index article_latin_pending_idx on article (id)
    where latin_headline is null and lower(language) <> 'en' and lower(language) not like 'en-%'
          and lower(language) <> 'ar' and lower(language) not like 'ar-%';
