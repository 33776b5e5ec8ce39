-- Purchase orders: an approved request becomes one order to a vendor (never two: unique per request); its money moves
-- from reserved to committed. Goods are received by line, invoices are matched against the order (two-way) and the
-- receipts (three-way), within the organization's tolerance, and become actuals in the budget.
create table purchase_orders (
  id               uuid                     not null primary key,
  org_id           uuid                     not null,
  number           varchar(20)              not null,
  request_id       uuid                     not null references purchase_requests (id),
  vendor_id        uuid                     not null,
  contact_id       uuid,
  budget_line_id   uuid                     not null,
  status           varchar(20)              not null,
  base_currency    varchar(3)               not null,
  total_base       numeric(19,4)            not null,
  order_date       date                     not null,
  expected_on      date,
  notes            varchar(2000),
  ordered_by       uuid                     not null,
  sent_at          timestamp with time zone,
  sent_to          varchar(320),
  closed_at        timestamp with time zone,
  close_reason     varchar(1000),
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  version          bigint                   not null,
  constraint purchase_orders_number unique (org_id, number),
  constraint purchase_orders_one_per_request unique (org_id, request_id)
);
create index purchase_orders_org_created on purchase_orders (org_id, created_at, id);
create index purchase_orders_org_status on purchase_orders (org_id, status, created_at, id);
create index purchase_orders_org_vendor on purchase_orders (org_id, vendor_id, order_date);

create table purchase_order_lines (
  id                 uuid          not null primary key,
  org_id             uuid          not null,
  order_id           uuid          not null references purchase_orders (id),
  position           integer       not null,
  request_line_id    uuid          not null,
  description        varchar(500)  not null,
  category_id        uuid,
  catalog_item       varchar(100),
  kind               varchar(10)   not null,
  quantity           numeric(19,4) not null,
  unit_price         numeric(19,4) not null,
  currency           varchar(3)    not null,
  rate_to_base       numeric(19,8) not null,
  base_amount        numeric(19,4) not null,
  received_quantity  numeric(19,4) not null,
  invoiced_quantity  numeric(19,4) not null
);
create index purchase_order_lines_org_order on purchase_order_lines (org_id, order_id, position);

create table goods_receipts (
  id           uuid                     not null primary key,
  org_id       uuid                     not null,
  number       varchar(20)              not null,
  order_id     uuid                     not null references purchase_orders (id),
  received_on  date                     not null,
  received_by  uuid                     not null,
  note         varchar(2000),
  created_at   timestamp with time zone not null,
  constraint goods_receipts_number unique (org_id, number)
);
create index goods_receipts_org_order on goods_receipts (org_id, order_id, created_at);
create index goods_receipts_org_created on goods_receipts (org_id, created_at, id);

create table goods_receipt_lines (
  id             uuid          not null primary key,
  org_id         uuid          not null,
  receipt_id     uuid          not null references goods_receipts (id),
  order_line_id  uuid          not null references purchase_order_lines (id),
  quantity       numeric(19,4) not null
);
create index goods_receipt_lines_org_receipt on goods_receipt_lines (org_id, receipt_id);

create table invoices (
  id                     uuid                     not null primary key,
  org_id                 uuid                     not null,
  number                 varchar(20)              not null,
  vendor_invoice_number  varchar(60)              not null,
  order_id               uuid                     not null references purchase_orders (id),
  vendor_id              uuid                     not null,
  invoice_date           date                     not null,
  due_date               date,
  currency               varchar(3)               not null,
  total                  numeric(19,4)            not null,
  rate_to_base           numeric(19,8)            not null,
  total_base             numeric(19,4)            not null,
  status                 varchar(20)              not null,
  match_kind             varchar(10)              not null,
  mismatches             varchar(4000),
  recorded_by            uuid                     not null,
  decided_by             uuid,
  decided_at             timestamp with time zone,
  decision_comment       varchar(2000),
  created_at             timestamp with time zone not null,
  updated_at             timestamp with time zone not null,
  version                bigint                   not null,
  constraint invoices_number unique (org_id, number),
  constraint invoices_vendor_number unique (org_id, vendor_id, vendor_invoice_number)
);
create index invoices_org_created on invoices (org_id, created_at, id);
create index invoices_org_status on invoices (org_id, status, created_at, id);
create index invoices_org_order on invoices (org_id, order_id, created_at);

create table invoice_lines (
  id             uuid          not null primary key,
  org_id         uuid          not null,
  invoice_id     uuid          not null references invoices (id),
  order_line_id  uuid          not null references purchase_order_lines (id),
  position       integer       not null,
  quantity       numeric(19,4) not null,
  unit_price     numeric(19,4) not null,
  amount         numeric(19,4) not null
);
create index invoice_lines_org_invoice on invoice_lines (org_id, invoice_id, position);

-- How far an invoice may differ from its order before it waits for a decision; one row per organization that set it.
create table invoice_tolerances (
  org_id          uuid          not null primary key,
  price_percent   numeric(7,4)  not null,
  max_amount      numeric(19,4),
  updated_at      timestamp with time zone not null,
  version         bigint        not null
);
