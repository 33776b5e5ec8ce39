-- Purchase requests: a draft with lines becomes a submitted request whose amount is reserved in the budget and which
-- passes the approval steps its policy planned, round after round when the approvers ask for changes.
create table purchase_requests (
  id                    uuid                     not null primary key,
  org_id                uuid                     not null,
  number                varchar(20)              not null,
  title                 varchar(200)             not null,
  justification         varchar(4000),
  needed_by             date,
  requester_id          uuid                     not null,
  department_id         uuid,
  budget_line_id        uuid,
  vendor_id             uuid,
  expense_type          varchar(10)              not null,
  status                varchar(20)              not null,
  base_currency         varchar(3)               not null,
  total_base            numeric(19,4),
  check_status          varchar(10),
  check_available_after numeric(19,4),
  check_extra_approval  boolean,
  policy_id             uuid,
  policy_version        integer,
  round                 integer                  not null,
  submitted_at          timestamp with time zone,
  decided_at            timestamp with time zone,
  edits                 integer                  not null,
  created_at            timestamp with time zone not null,
  updated_at            timestamp with time zone not null,
  version               bigint                   not null,
  constraint purchase_requests_number unique (org_id, number)
);
create index purchase_requests_org_created on purchase_requests (org_id, created_at, id);
create index purchase_requests_org_status on purchase_requests (org_id, status, created_at, id);
create index purchase_requests_org_requester on purchase_requests (org_id, requester_id, created_at, id);
create index purchase_requests_org_department on purchase_requests (org_id, department_id, created_at, id);
create index purchase_requests_org_vendor on purchase_requests (org_id, vendor_id, created_at, id);

create table purchase_request_lines (
  id               uuid          not null primary key,
  org_id           uuid          not null,
  request_id       uuid          not null references purchase_requests (id),
  position         integer       not null,
  description      varchar(500)  not null,
  category_id      uuid,
  quantity         numeric(19,4) not null,
  unit_price       numeric(19,4) not null,
  currency         varchar(3)    not null,
  vendor_id        uuid,
  catalog_item     varchar(100),
  kind             varchar(10)   not null,
  rate_to_base     numeric(19,8),
  amount           numeric(19,4) not null,
  base_amount      numeric(19,4)
);
create index purchase_request_lines_org_request on purchase_request_lines (org_id, request_id, position);

create table approval_steps (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  request_id  uuid                     not null references purchase_requests (id),
  round       integer                  not null,
  stage       integer                  not null,
  name        varchar(100)             not null,
  mode        varchar(5)               not null,
  status      varchar(10)              not null,
  fallback    boolean                  not null,
  budget_extra boolean                 not null,
  started_at  timestamp with time zone,
  decided_at  timestamp with time zone
);
create index approval_steps_org_request on approval_steps (org_id, request_id, round, stage);
create index approval_steps_org_pending on approval_steps (org_id, status, started_at, id);

create table approval_step_approvers (
  org_id      uuid not null,
  step_id     uuid not null references approval_steps (id),
  account_id  uuid not null,
  primary key (step_id, account_id)
);
-- The inbox: the steps a person (or the people they stand in for) may decide.
create index approval_step_approvers_org_account on approval_step_approvers (org_id, account_id, step_id);

create table approval_decisions (
  id            uuid                     not null primary key,
  org_id        uuid                     not null,
  step_id       uuid                     not null references approval_steps (id),
  approver_id   uuid                     not null,
  on_behalf_of  uuid,
  decision      varchar(20)              not null,
  comment       varchar(2000),
  decided_at    timestamp with time zone not null,
  constraint approval_decisions_once unique (step_id, approver_id)
);
create index approval_decisions_org_step on approval_decisions (org_id, step_id, approver_id);
