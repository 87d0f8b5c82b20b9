-- Translations (docs/decisions/132-direction-and-translations.md): the versions of one story in several languages
-- share a translation group, named by the id of the version the others were translated from. One version per
-- language in a group; a deleted article leaves its group (so it blocks nothing).
alter table article add column translation_group uuid;
create unique index article_translation_idx on article (translation_group, language);
