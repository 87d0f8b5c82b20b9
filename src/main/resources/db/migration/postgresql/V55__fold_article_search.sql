-- Search in Kurdish and Arabic (docs/decisions/131-search-in-kurdish-and-arabic.md).
-- search_fold: the spelling search compares, the same table as news.dispatch.text.SearchFolding (a test checks
-- that both agree): the letter variants Kurdish, Arabic and Persian keyboards produce made one, as the letters
-- PostgreSQL's Arabic stemmer knows (ی ى ێ as ي, ک as ك, ە ھ ۀ as ه, أ إ آ ٱ as ا, ؤ ۆ as و, ڵ ڕ ڤ as ل ر ف), Arabic-Indic digits as 0-9, Latin letters without accents,
-- and harakat, tatweel, Quranic marks, ZWNJ, ZWJ, LRM, RLM and the soft hyphen dropped (translate drops the
-- characters of its second argument that have none in the third).
create function search_fold(text) returns text language sql immutable parallel safe
    return translate(lower($1),
        U&'\06CC\0649\06CE\06A9\06D5\06BE\06C0\0623\0625\0622\0671\0624\06C6\06B5\0695\06A4\0660\0661\0662\0663\0664\0665\0666\0667\0668\0669\06F0\06F1\06F2\06F3\06F4\06F5\06F6\06F7\06F8\06F9\00E0\00E1\00E2\00E3\00E4\00E5\00E8\00E9\00EA\00EB\00EC\00ED\00EE\00EF\00F2\00F3\00F4\00F5\00F6\00F9\00FA\00FB\00FC\00E7\015F\00F1\011F\1E8D\1E27\00C0\00C1\00C2\00C3\00C4\00C5\00C8\00C9\00CA\00CB\00CC\00CD\00CE\00CF\00D2\00D3\00D4\00D5\00D6\00D9\00DA\00DB\00DC\00C7\015E\00D1\011E\1E8C\1E26\064B\064C\064D\064E\064F\0650\0651\0652\0653\0654\0655\0656\0657\0658\0659\065A\065B\065C\065D\065E\065F\0670\0640\06D6\06D7\06D8\06D9\06DA\06DB\06DC\06DF\06E0\06E1\06E2\06E3\06E4\06E7\06E8\06EA\06EB\06EC\06ED\200C\200D\200E\200F\00AD',
        U&'\064A\064A\064A\0643\0647\0647\0647\0627\0627\0627\0627\0648\0648\0644\0631\064101234567890123456789aaaaaaeeeeiiiiooooouuuucsngxhaaaaaaeeeeiiiiooooouuuucsngxh');

-- Arabic articles get PostgreSQL's Arabic stemmer; the vector is built from folded text. The columns are made
-- again (a generated column's expression cannot be altered in PostgreSQL 15), and with them their indexes.
alter table article drop column search_vector, drop column search_config;

alter table article add column search_config regconfig
    generated always as (case when lower(language) = 'en' or lower(language) like 'en-%' then cast('english' as regconfig)
                              when lower(language) = 'ar' or lower(language) like 'ar-%' then cast('arabic' as regconfig)
                              else cast('simple' as regconfig) end) stored;

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
                                 search_fold(coalesce(body_text, ''))), 'C')) stored;

create index article_search_idx on article using gin (search_vector);
create index article_search_other_idx on article using gin (search_vector)
    where search_config <> cast('english' as regconfig);
