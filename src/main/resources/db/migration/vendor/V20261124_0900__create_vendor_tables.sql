-- The vendor register of an organization.
create table vendors (
  id              uuid                     not null primary key,
  org_id          uuid                     not null,
  legal_name      varchar(200)             not null,
  trading_name    varchar(200),
  -- lower-cased names without punctuation or legal-form suffixes, for duplicate detection
  name_key        varchar(200)             not null,
  category        varchar(20)              not null,
  website         varchar(500),
  -- the host of the website without "www.", for duplicate detection
  website_domain  varchar(255),
  status          varchar(20)              not null,
  strategic_tier  varchar(20)              not null,
  risk_tier       varchar(20)              not null,
  tags            varchar(500)             not null default '',
  notes           varchar(4000),
  owner_id        uuid,
  archived        boolean                  not null default false,
  created_at      timestamp with time zone not null,
  updated_at      timestamp with time zone not null,
  version         bigint                   not null
);
create index vendors_org_name on vendors (org_id, name_key);
create index vendors_org_domain on vendors (org_id, website_domain);

-- People at a vendor: account manager, support, billing.
create table vendor_contacts (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  vendor_id   uuid                     not null,
  name        varchar(200)             not null,
  kind        varchar(20)              not null,
  job_title   varchar(200),
  email       varchar(320),
  phone       varchar(50),
  archived    boolean                  not null default false,
  created_at  timestamp with time zone not null,
  updated_at  timestamp with time zone not null,
  version     bigint                   not null,
  constraint vendor_contacts_vendor foreign key (vendor_id) references vendors (id)
);
create index vendor_contacts_org_vendor on vendor_contacts (org_id, vendor_id);

-- Contracts with a vendor. Each renewal is a new row (a new term) pointing to the term it follows. The notice deadline
-- and the next renewal date are computed from the dates and the notice period and stored, so that the calendar and the
-- reminder job can query them.
create table contracts (
  id                  uuid                     not null primary key,
  org_id              uuid                     not null,
  vendor_id           uuid                     not null,
  title               varchar(200)             not null,
  contract_type       varchar(30)              not null,
  reference           varchar(100),
  owner_id            uuid,
  start_date          date                     not null,
  end_date            date,
  auto_renew          boolean                  not null default false,
  renewal_term_months integer,
  notice_amount       integer,
  notice_unit         varchar(10),
  notice_deadline     date,
  next_renewal_date   date,
  total_value         numeric(19, 4)           not null,
  annual_value        numeric(19, 4)           not null,
  currency            varchar(3)               not null,
  billing_frequency   varchar(20)              not null,
  budget_line_id      uuid,
  sla_terms           varchar(4000),
  status              varchar(20)              not null,
  previous_term_id    uuid,
  term_number         integer                  not null default 1,
  terminated_on       date,
  archived            boolean                  not null default false,
  created_at          timestamp with time zone not null,
  updated_at          timestamp with time zone not null,
  version             bigint                   not null,
  constraint contracts_vendor foreign key (vendor_id) references vendors (id),
  constraint contracts_previous foreign key (previous_term_id) references contracts (id)
);
create index contracts_org_vendor on contracts (org_id, vendor_id);
create index contracts_org_notice on contracts (org_id, notice_deadline);
create index contracts_org_status on contracts (org_id, status, end_date);
