-- The search plans of decision 040 ("Bounded cost"), on synthetic articles in a scratch database.
-- Never run it against a database whose articles matter: it inserts 300,000 of them.
--
--   psql -h 127.0.0.1 -U postgres -c 'create database dispatch_scratch'
--   for f in common/V1__create_content.sql common/V2__create_change_feed.sql \
--            common/V3__create_api_key_and_article_revision.sql postgresql/V10__add_article_search.sql \
--            common/V20__add_change_event_rights_and_webhooks.sql; do
--     psql -h 127.0.0.1 -U postgres -d dispatch_scratch -v ON_ERROR_STOP=1 -f src/main/resources/db/migration/$f
--   done
--   psql -h 127.0.0.1 -U postgres -d dispatch_scratch -f bench/search-plans.sql
--
-- Words: 'government' in ~55 % of the articles, 'harbour' in 3 %, 'zanzibar' in 150, 'brexit' in 6 % but only
-- in the oldest fifth, 'qqqzzz' in none; the rest of the text comes from a skewed vocabulary of 5,000 words.
\set ON_ERROR_STOP on
\timing on

insert into section (id, slug, name, created_at, updated_at)
select gen_random_uuid(), 'sec-' || i, 'Section ' || i, now(), now() from generate_series(0, 9) i;
create temp table secs as select array_agg(id order by slug) ids from section;

insert into article (id, slug, headline, standfirst, body_html, body_text, language, status, section_id,
                     published_at, first_published_at, created_at, updated_at, word_count, reading_minutes, deleted_at)
select gen_random_uuid(), 'a-' || g, h.t, s.t, '<p>x</p>', b.t,
       case when g % 10 = 0 then 'ku' else 'en' end,
       case when g % 40 = 0 then 'draft' else 'published' end,
       (select ids[1 + g % 10] from secs),
       timestamptz '2026-11-30 12:00:00+00' - g * interval '1 minute',
       timestamptz '2026-11-30 12:00:00+00' - g * interval '1 minute',
       now(), now(), 150, 1,
       case when g % 97 = 0 then now() end
from generate_series(1, 300000) g
cross join lateral (select string_agg('w' || floor(power(random(), 3) * 5000)::int, ' ')
                           || case when random() < 0.1 then ' minister' else '' end as t
                    from generate_series(1, 8 + 0 * g)) h
cross join lateral (select string_agg('w' || floor(power(random(), 3) * 5000)::int, ' ') as t
                    from generate_series(1, 25 + 0 * g)) s
cross join lateral (select string_agg('w' || floor(power(random(), 3) * 5000)::int, ' ')
                           || case when random() < 0.55 then ' the government said' else '' end
                           || case when random() < 0.03 then ' in the harbour' else '' end
                           || case when g % 2000 = 7 then ' near zanzibar' else '' end
                           || case when g > 240000 and random() < 0.3 then ' brexit deal' else '' end as t
                    from generate_series(1, 150 + 0 * g)) b;
vacuum analyze article;

-- The relevance statement as SearchRepository writes it (window 1,000, page of 20 + 1), for each word. :order is
-- the first try's; for the second try: \set order 'a.published_at desc nulls last, a.id desc' and set enable_seqscan = off.
\set order 'a.published_at desc, a.id desc'
select format($q$
explain (analyze, buffers)
select l.id, l.score, ts_headline(l.cfg, concat_ws(' ', a.standfirst, a.body_text), l.query, 'MaxWords=35, MinWords=15, MaxFragments=2')
from (select r.id, r.cfg, r.score, r.query from (select w.id, w.cfg, w.query, ts_rank(w.vector, w.query) as score from (
  select a.id, a.search_config as cfg,
         case when a.search_config = cast('english' as regconfig) then websearch_to_tsquery(cast('english' as regconfig), %1$L)
              else websearch_to_tsquery(cast('simple' as regconfig), %1$L) end as query, a.search_vector as vector
  from article a where a.status = 'published' and a.deleted_at is null
   and ((a.search_config = cast('english' as regconfig) and a.search_vector @@ websearch_to_tsquery(cast('english' as regconfig), %1$L))
     or (a.search_config <> cast('english' as regconfig) and a.search_vector @@ websearch_to_tsquery(cast('simple' as regconfig), %1$L)))
  order by %2$s limit 1000) w) r
 order by r.score desc, r.id desc limit 21) l join article a on a.id = l.id order by l.score desc, l.id desc
$q$, word, :'order')
from unnest(array['government', 'harbour', 'zanzibar', 'brexit', 'qqqzzz']) word \gexec
