-- A webhook registered by or for a partner key receives what that key may see on /v1/changes (decision 162);
-- null: an admin's receiver, with the rights of partners in general as before.
alter table webhook add column key_id uuid;
create index webhook_key_idx on webhook (key_id, id);
