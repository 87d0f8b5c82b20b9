-- Embargoed early delivery (docs/decisions/164-embargoed-early-delivery.md): a partner key with early_delivery takes
-- embargoed stories before the lift, marked as embargoed, in its keyed channels only.
alter table api_key add column early_delivery boolean default false not null;
