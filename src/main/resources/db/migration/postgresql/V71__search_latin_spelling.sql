-- Search across scripts (docs/decisions/131-search-in-kurdish-and-arabic.md): the vector also holds the Latin
-- spelling of the Arabic-script words (V70's columns, already folded), with the weight of the field they come from, so
-- that a Latin query typed without accents (hewler, silemani) finds the Sorani spelling (هەولێر, سلێمانی). English
-- and Arabic articles have no Latin spelling: their vectors are as before. The column is made again (a generated
-- column's expression cannot be altered in PostgreSQL 15), and with it its indexes.
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

create index article_search_idx on article using gin (search_vector);
create index article_search_other_idx on article using gin (search_vector)
    where search_config <> cast('english' as regconfig);

-- The articles written before V70, to be spelled by the application (search/LatinSpellingBackfill); empty once done.
create index article_latin_pending_idx on article (id)
    where latin_headline is null and lower(language) <> 'en' and lower(language) not like 'en-%'
          and lower(language) <> 'ar' and lower(language) not like 'ar-%';
