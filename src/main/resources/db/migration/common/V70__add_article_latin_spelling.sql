-- Search across scripts (docs/decisions/131-search-in-kurdish-and-arabic.md): the Arabic-script words of an article's
-- headline, standfirst and body in Latin letters without accents (hewler for هەولێر), written by the application with
-- the article (news.dispatch.text.SearchFolding.latinWords) for articles not in English or Arabic, and searched beside
-- the text. Articles written before this migration get them from ArticleLatinSpelling when the application starts.
alter table article add column latin_headline varchar(2000);
alter table article add column latin_standfirst varchar(8000);
alter table article add column latin_body varchar(3000000);
