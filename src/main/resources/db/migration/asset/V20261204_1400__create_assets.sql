-- The models catalogue: what an asset is an instance of, with the lifetime its book value is written down over.
create table asset_models (
  id               uuid                     not null primary key,
  org_id           uuid                     not null,
  manufacturer     varchar(100)             not null,
  name             varchar(200)             not null,
  asset_type       varchar(20)              not null,
  lifetime_months  integer                  not null,
  price            numeric(19, 4),
  currency         varchar(3),
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  version          bigint                   not null,
  constraint asset_models_lifetime check (lifetime_months between 1 and 600)
);
create unique index asset_models_org_name on asset_models (org_id, manufacturer, name);

-- The asset register. The tag (AST-000042) is per organization; a serial, when given, too. source_key names the
-- unit of a goods receipt an asset was made from, so that a repeated receipt event creates nothing twice.
create table assets (
  id               uuid                     not null primary key,
  org_id           uuid                     not null,
  tag              varchar(20)              not null,
  name             varchar(200)             not null,
  asset_type       varchar(20)              not null,
  model_id         uuid,
  serial           varchar(100),
  status           varchar(20)              not null,
  assignee_id      uuid,
  department_id    uuid,
  location         varchar(200),
  purchased_on     date,
  cost             numeric(19, 4),
  currency         varchar(3),
  order_reference  varchar(50),
  vendor_id        uuid,
  warranty_end     date,
  end_of_life      date,
  notes            varchar(4000),
  source_key       varchar(120),
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  version          bigint                   not null,
  constraint assets_model foreign key (model_id) references asset_models (id)
);
create unique index assets_org_tag on assets (org_id, tag);
create unique index assets_org_serial on assets (org_id, serial);
create unique index assets_org_source on assets (org_id, source_key);
create index assets_org_status on assets (org_id, status, tag);
create index assets_org_assignee on assets (org_id, assignee_id);
create index assets_org_department on assets (org_id, department_id);

-- What happened to an asset, oldest first: its creation, each status change, each check-out and check-in.
create table asset_history (
  id             uuid                     not null primary key,
  org_id         uuid                     not null,
  asset_id       uuid                     not null,
  kind           varchar(20)              not null,
  from_status    varchar(20),
  to_status      varchar(20)              not null,
  assignee_id    uuid,
  department_id  uuid,
  reason         varchar(1000),
  actor_id       uuid,
  happened_at    timestamp with time zone not null,
  constraint asset_history_asset foreign key (asset_id) references assets (id)
);
create index asset_history_org_asset on asset_history (org_id, asset_id, happened_at);
