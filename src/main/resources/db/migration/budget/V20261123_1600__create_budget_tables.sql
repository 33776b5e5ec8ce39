-- Cost categories: the organization's copy of a TBM-style taxonomy (cost pools and resource towers).
create table cost_categories (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  parent_id   uuid,
  kind        varchar(10)              not null,
  code        varchar(30)              not null,
  name        varchar(200)             not null,
  retired     boolean                  not null default false,
  created_at  timestamp with time zone not null,
  updated_at  timestamp with time zone not null,
  version     bigint                   not null,
  constraint cost_categories_org_code unique (org_id, code)
);
create index cost_categories_org_kind on cost_categories (org_id, kind, code);

-- One IT budget per organization and fiscal year (named by the calendar year in which it starts).
create table budgets (
  id              uuid                     not null primary key,
  org_id          uuid                     not null,
  fiscal_year     integer                  not null,
  name            varchar(200)             not null,
  currency        varchar(3)               not null,
  start_month     integer                  not null,
  status          varchar(20)              not null,
  warn_percent    numeric(5, 2)            not null,
  submitted_at    timestamp with time zone,
  approved_at     timestamp with time zone,
  approved_by     uuid,
  created_at      timestamp with time zone not null,
  updated_at      timestamp with time zone not null,
  version         bigint                   not null,
  constraint budgets_org_year unique (org_id, fiscal_year)
);

-- A budget line with its plan phased over the twelve months of the fiscal year (m01 = first fiscal month) and the
-- running totals of the four stages. The totals are kept in step with budget_movements in the same transaction.
create table budget_lines (
  id               uuid                     not null primary key,
  org_id           uuid                     not null,
  budget_id        uuid                     not null,
  code             varchar(30)              not null,
  description      varchar(500)             not null,
  department_id    uuid,
  cost_pool_id     uuid,
  tower_id         uuid,
  expense_type     varchar(5)               not null,
  vendor_id        uuid,
  owner_id         uuid,
  policy           varchar(20)              not null,
  forecast_method  varchar(20)              not null,
  unallocated      boolean                  not null default false,
  original_plan    numeric(19, 4)           not null,
  m01 numeric(19, 4) not null, m02 numeric(19, 4) not null, m03 numeric(19, 4) not null,
  m04 numeric(19, 4) not null, m05 numeric(19, 4) not null, m06 numeric(19, 4) not null,
  m07 numeric(19, 4) not null, m08 numeric(19, 4) not null, m09 numeric(19, 4) not null,
  m10 numeric(19, 4) not null, m11 numeric(19, 4) not null, m12 numeric(19, 4) not null,
  reserved         numeric(19, 4)           not null default 0,
  committed        numeric(19, 4)           not null default 0,
  actual           numeric(19, 4)           not null default 0,
  alert_level      varchar(10)              not null default 'OK',
  archived         boolean                  not null default false,
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  version          bigint                   not null,
  constraint budget_lines_budget_code unique (budget_id, code),
  constraint budget_lines_budget foreign key (budget_id) references budgets (id)
);
create index budget_lines_org_budget on budget_lines (org_id, budget_id, code);

-- Every change of reserved, committed or actual money, with the document it came from. The unique key makes each
-- call idempotent by its source document: a repeated event never counts twice.
create table budget_movements (
  id           uuid                     not null primary key,
  org_id       uuid                     not null,
  line_id      uuid                     not null,
  stage        varchar(10)              not null,
  amount       numeric(19, 4)           not null,
  fiscal_month integer                  not null,
  source_type  varchar(40)              not null,
  source_id    varchar(100)             not null,
  source_key   varchar(200)             not null,
  description  varchar(500),
  created_at   timestamp with time zone not null,
  created_by   uuid,
  constraint budget_movements_source unique (org_id, source_key),
  constraint budget_movements_line foreign key (line_id) references budget_lines (id)
);
create index budget_movements_org_line on budget_movements (org_id, line_id, created_at);

-- Actual money per line and fiscal month, summed from every source; the grid reads this instead of the detail rows.
create table budget_actual_totals (
  org_id   uuid           not null,
  line_id  uuid           not null,
  fiscal_month integer      not null,
  amount   numeric(19, 4) not null,
  primary key (line_id, fiscal_month)
);
create index budget_actual_totals_org on budget_actual_totals (org_id, line_id);

-- Revisions after approval: reallocation between lines, or a supplementary amount, each with reason and approval.
create table budget_revisions (
  id            uuid                     not null primary key,
  org_id        uuid                     not null,
  budget_id     uuid                     not null,
  kind          varchar(20)              not null,
  from_line_id  uuid,
  to_line_id    uuid                     not null,
  amount        numeric(19, 4)           not null,
  from_month    integer                  not null,
  reason        varchar(1000)            not null,
  status        varchar(20)              not null,
  requested_by  uuid                     not null,
  decided_by    uuid,
  decided_at    timestamp with time zone,
  decision_note varchar(1000),
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null,
  version       bigint                   not null
);
create index budget_revisions_org_budget on budget_revisions (org_id, budget_id, created_at);
