create table organizations (
  id                 uuid                     not null primary key,
  slug               varchar(60)              not null,
  name               varchar(200)             not null,
  base_currency      varchar(3)                 not null,
  time_zone          varchar(60)              not null,
  locale             varchar(20)              not null,
  fiscal_year_start  integer                  not null,
  archived           boolean                  not null default false,
  created_at         timestamp with time zone not null,
  updated_at         timestamp with time zone not null,
  version            bigint                   not null,
  constraint organizations_slug unique (slug),
  constraint organizations_fiscal_month check (fiscal_year_start between 1 and 12)
);

create table accounts (
  id             uuid                     not null primary key,
  email          varchar(320)             not null,
  display_name   varchar(200)             not null,
  password_hash  varchar(200),
  platform_admin boolean                  not null default false,
  active         boolean                  not null default true,
  created_at     timestamp with time zone not null,
  updated_at     timestamp with time zone not null,
  version        bigint                   not null,
  constraint accounts_email unique (email)
);

create table departments (
  id               uuid                     not null primary key,
  org_id           uuid                     not null,
  parent_id        uuid,
  code             varchar(30)              not null,
  name             varchar(200)             not null,
  cost_centre      varchar(50),
  head_account_id  uuid,
  archived         boolean                  not null default false,
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  version          bigint                   not null,
  constraint departments_org_code unique (org_id, code),
  constraint departments_parent foreign key (parent_id) references departments (id)
);
create index departments_org_name on departments (org_id, name, id);

create table memberships (
  id                    uuid                     not null primary key,
  org_id                uuid                     not null,
  account_id            uuid                     not null,
  role                  varchar(20)              not null,
  department_id         uuid,
  approval_limit        numeric(19, 4)           not null default 0,
  approval_currency     varchar(3)                 not null,
  active                boolean                  not null default true,
  created_at            timestamp with time zone not null,
  updated_at            timestamp with time zone not null,
  version               bigint                   not null,
  constraint memberships_org_account unique (org_id, account_id),
  constraint memberships_account foreign key (account_id) references accounts (id),
  constraint memberships_department foreign key (department_id) references departments (id)
);
create index memberships_account on memberships (account_id);
create index memberships_org_created on memberships (org_id, created_at, id);

create table invitations (
  id                uuid                     not null primary key,
  org_id            uuid                     not null,
  email             varchar(320)             not null,
  role              varchar(20)              not null,
  department_id     uuid,
  approval_limit    numeric(19, 4)           not null default 0,
  token_hash        varchar(64)              not null,
  status            varchar(20)              not null,
  invited_by        uuid                     not null,
  expires_at        timestamp with time zone not null,
  accepted_at       timestamp with time zone,
  created_at        timestamp with time zone not null,
  updated_at        timestamp with time zone not null,
  version           bigint                   not null,
  constraint invitations_token unique (token_hash)
);
create index invitations_org_created on invitations (org_id, created_at, id);

create table access_tokens (
  id            uuid                     not null primary key,
  org_id        uuid                     not null,
  account_id    uuid                     not null,
  name          varchar(100)             not null,
  token_prefix  varchar(20)              not null,
  token_hash    varchar(64)              not null,
  expires_at    timestamp with time zone,
  last_used_at  timestamp with time zone,
  revoked_at    timestamp with time zone,
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null,
  version       bigint                   not null,
  constraint access_tokens_hash unique (token_hash),
  constraint access_tokens_account foreign key (account_id) references accounts (id)
);
create index access_tokens_org_account on access_tokens (org_id, account_id, created_at);
