-- Cost imports: cloud bills (FinOps FOCUS) and general-ledger exports turned into actual money on budget lines.

-- One upload and its processing. The row holds the progress, so that any node can answer a poll; the file itself
-- waits on the disk of the node that received it.
create table cost_imports (
  id                uuid                     not null primary key,
  org_id            uuid                     not null,
  budget_id         uuid                     not null,
  fiscal_year       integer                  not null,
  format            varchar(10)              not null,
  file_name         varchar(255)             not null,
  file_bytes        bigint                   not null,
  currency          varchar(3)               not null,
  strict_mode       boolean                  not null default false,
  column_mapping    varchar(4000),
  idempotency_key   varchar(200),
  status            varchar(10)              not null,
  bytes_read        bigint                   not null default 0,
  rows_read         bigint                   not null default 0,
  rows_imported     bigint                   not null default 0,
  rows_duplicate    bigint                   not null default 0,
  rows_rejected     bigint                   not null default 0,
  rows_unallocated  bigint                   not null default 0,
  billed_total      numeric(19, 4)           not null default 0,
  unallocated_total numeric(19, 4)           not null default 0,
  effective_total   numeric(19, 4)           not null default 0,
  list_total        numeric(19, 4)           not null default 0,
  failure           varchar(1000),
  created_by        uuid,
  created_by_name   varchar(200)             not null,
  created_at        timestamp with time zone not null,
  started_at        timestamp with time zone,
  finished_at       timestamp with time zone,
  heartbeat_at      timestamp with time zone not null
);
create index cost_imports_org_created on cost_imports (org_id, created_at, id);
create index cost_imports_status on cost_imports (status, heartbeat_at);
create unique index cost_imports_idempotency on cost_imports (org_id, created_by, idempotency_key);

-- Rows refused by an import, with the line of the file and the reason (kept up to a limit per import).
create table cost_import_rejections (
  org_id      uuid          not null,
  import_id   uuid          not null,
  line_number bigint        not null,
  reason      varchar(1000) not null,
  content     varchar(500),
  primary key (import_id, line_number)
);
create index cost_import_rejections_org on cost_import_rejections (org_id, import_id, line_number);

-- What an import applied to each line and fiscal month (its report, and the movements' breakdown).
create table cost_import_totals (
  org_id       uuid           not null,
  import_id    uuid           not null,
  line_id      uuid           not null,
  line_code    varchar(30)    not null,
  fiscal_month integer        not null,
  amount       numeric(19, 4) not null,
  row_count    bigint         not null,
  primary key (import_id, line_id, fiscal_month)
);
create index cost_import_totals_org on cost_import_totals (org_id, import_id);

-- Every imported cost row. The dedupe key (a hash of the row's identifying values, the charge date among them) is
-- unique per organization, so a re-imported or overlapping file never counts a row twice. May hold millions of rows:
-- the primary key serves the duplicate check, and leads with the charge date so that a bill, which lists its charges
-- in time order, writes into a few hot index pages instead of all over a random-keyed index. The second index serves
-- the drill-down of an import by line (a line's month leads there through cost_import_totals); every index more
-- costs each of those millions of inserts.
create table budget_actual_rows (
  org_id          uuid           not null,
  dedupe_key      varchar(32)    not null,
  import_id       uuid           not null,
  line_id         uuid           not null,
  rule_id         uuid,
  fiscal_month    integer        not null,
  charge_date     date           not null,
  billed_cost     numeric(28, 10) not null,
  effective_cost  numeric(28, 10),
  list_cost       numeric(28, 10),
  provider        varchar(200),
  service         varchar(200),
  sub_account     varchar(200),
  charge_category varchar(40),
  account         varchar(100),
  source_line     bigint         not null,
  primary key (org_id, charge_date, dedupe_key)
);
create index budget_actual_rows_import on budget_actual_rows (org_id, import_id, line_id);

-- Rules that send imported cost to a budget line by provider, service, sub-account, tag or GL account. Lines are named
-- by code, so a rule keeps working for next year's budget.
create table cost_mapping_rules (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  provider    varchar(200),
  service     varchar(200),
  sub_account varchar(200),
  tag_key     varchar(200),
  tag_value   varchar(200),
  account     varchar(100),
  line_code   varchar(30)              not null,
  priority    integer                  not null,
  archived    boolean                  not null default false,
  created_at  timestamp with time zone not null,
  updated_at  timestamp with time zone not null,
  version     bigint                   not null
);
create index cost_mapping_rules_org on cost_mapping_rules (org_id, archived, priority);

-- The general-ledger column mapping last used in an organization, offered again on the next upload.
create table cost_import_mappings (
  org_id     uuid                     not null,
  format     varchar(10)              not null,
  mapping    varchar(4000)            not null,
  updated_at timestamp with time zone not null,
  primary key (org_id, format)
);

-- One row per organization, locked while an import applies its rows, so imports of one organization never overlap.
create table cost_import_locks (
  org_id uuid not null primary key
);
