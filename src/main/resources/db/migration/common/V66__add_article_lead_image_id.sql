-- An article's lead image may be an uploaded image (docs/decisions/171-images-in-articles.md). No foreign key: an
-- image in use cannot be deleted (the API answers 409), and the lead_image_* columns keep what the article showed.
alter table article add column lead_image_id uuid;
create index article_lead_image_idx on article (lead_image_id);
