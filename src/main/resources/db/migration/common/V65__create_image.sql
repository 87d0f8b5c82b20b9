-- Images (docs/decisions/170-images-and-renditions.md): the metadata, and the original's bytes in a table of their
-- own so that reading and listing images never loads them. The original is stored as normalised at upload
-- (orientation applied, metadata dropped); checksum is the SHA-256 of those bytes in hex.
create table image (
    id                  uuid primary key,
    media_type          varchar(50) not null,
    width               integer not null,
    height              integer not null,
    byte_size           bigint not null,
    checksum            varchar(64) not null,
    alt                 varchar(1000),
    caption             varchar(2000),
    credit              varchar(500),
    copyright           varchar(500),
    source              varchar(500),
    focal_x             double precision not null,
    focal_y             double precision not null,
    syndication_allowed boolean not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null
);
create index image_created_idx on image (created_at, id);

create table image_original (
    image_id uuid primary key references image (id) on delete cascade,
    bytes    bytea not null
);
