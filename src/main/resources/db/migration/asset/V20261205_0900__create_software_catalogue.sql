-- Fields of an asset a person set by hand (comma-separated names such as name,serial,model): agent reports leave
-- them as they are until a person unlocks them.
alter table assets add column locked_fields varchar(1000);

-- The software catalogue: one product per publisher and normalized name ('' when the publisher is unknown).
create table software_products (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  publisher   varchar(200)             not null,
  name        varchar(200)             not null,
  created_at  timestamp with time zone not null
);
create unique index software_products_org_name on software_products (org_id, publisher, name);

-- The versions of a product in use ('' when none was reported).
create table software_versions (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  product_id  uuid                     not null,
  version     varchar(100)             not null,
  created_at  timestamp with time zone not null,
  constraint software_versions_product foreign key (product_id) references software_products (id)
);
create unique index software_versions_org_product on software_versions (org_id, product_id, version);

-- How agents spell software: each distinct raw (name, version, publisher) an agent reported, and the catalogue
-- version it stands for. Merging spellings re-points these rows; installations never change for it.
create table software_spellings (
  id             uuid                     not null primary key,
  org_id         uuid                     not null,
  raw_name       varchar(300)             not null,
  raw_version    varchar(100)             not null,
  raw_publisher  varchar(200)             not null,
  version_id     uuid                     not null,
  created_at     timestamp with time zone not null,
  constraint software_spellings_version foreign key (version_id) references software_versions (id)
);
create unique index software_spellings_org_raw on software_spellings (org_id, raw_name, raw_version, raw_publisher);
create index software_spellings_org_version on software_spellings (org_id, version_id);

-- Rules that merge spellings: a raw name matching the pattern (case-insensitive, * for any text) belongs to the
-- product named here, whatever the agent called it. Lower position first.
create table software_rules (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  position    integer                  not null,
  pattern     varchar(300)             not null,
  publisher   varchar(200)             not null,
  product     varchar(200)             not null,
  created_at  timestamp with time zone not null,
  updated_at  timestamp with time zone not null,
  version     bigint                   not null
);
create index software_rules_org on software_rules (org_id, position);

-- What is installed on which asset, by spelling. Narrow and without foreign keys on purpose: agents write millions
-- of these rows, and only the inventory writes them (assets are never deleted, spellings only re-pointed).
create table software_installations (
  org_id         uuid                     not null,
  asset_id       uuid                     not null,
  spelling_id    uuid                     not null,
  installed_on   date,
  first_seen_at  timestamp with time zone not null,
  primary key (org_id, asset_id, spelling_id)
);
create index software_installations_org_spelling on software_installations (org_id, spelling_id, asset_id);
