-- A smaller copy of a large image's original (docs/decisions/170-images-and-renditions.md, "Working copies"):
-- at most 1,600 pixels along its longer side, scaled from the original with a high-quality filter when it was
-- stored. Renditions of up to half its size are made from it instead of decoding the whole original. An image's
-- working_side says it has one (renditions made from it are other pixels, so its rendition URLs name it).
alter table image add column working_side integer;
create table image_working_copy (
    image_id uuid primary key references image (id) on delete cascade,
    width    integer not null,
    height   integer not null,
    bytes    bytea not null
);
