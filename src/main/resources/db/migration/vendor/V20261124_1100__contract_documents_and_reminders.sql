-- Contracts: what the budget holds for a term, why it ended, whether the annual value was typed or computed.
alter table contracts add column annual_value_given boolean not null default false;
alter table contracts add column termination_reason varchar(1000);
-- The annual value committed on the budget line when the term became active (null: nothing committed), and the day
-- what remained of it was released (the term ended, was terminated, or its successor took over after its end).
alter table contracts add column budget_committed numeric(19, 4);
alter table contracts add column budget_released_on date;
-- A term is renewed once: at most one term follows another.
create unique index contracts_previous_term on contracts (previous_term_id);
create index contracts_org_end on contracts (org_id, end_date);

-- PDF documents of a contract (the signed agreement, amendments, price sheets). The bytes are kept apart from the
-- metadata, in the database, so that every application node serves them and lists never read them.
create table contract_documents (
  id            uuid                     not null primary key,
  org_id        uuid                     not null,
  contract_id   uuid                     not null,
  file_name     varchar(255)             not null,
  content_type  varchar(100)             not null,
  size_bytes    bigint                   not null,
  sha256        varchar(64)              not null,
  archived      boolean                  not null default false,
  created_by    uuid,
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null,
  version       bigint                   not null,
  constraint contract_documents_contract foreign key (contract_id) references contracts (id)
);
create index contract_documents_org_contract on contract_documents (org_id, contract_id);

create table contract_document_contents (
  document_id  uuid  not null primary key,
  org_id       uuid  not null,
  content      bytea not null,
  constraint contract_document_contents_document foreign key (document_id) references contract_documents (id)
);

-- Per organization: when a contract counts as expiring, and how many days before a notice deadline its owner and
-- the CIOs are reminded. last_run_on is the organization's local day the daily job last completed; the row is locked
-- while the job works on the organization, so two nodes never work on it at once.
create table contract_settings (
  org_id                uuid                     not null primary key,
  expiring_window_days  integer                  not null,
  reminder_days         varchar(100)             not null,
  last_run_on           date,
  updated_at            timestamp with time zone not null,
  version               bigint                   not null
);

-- Reminders sent: one row per contract, deadline and threshold, so that a reminder is never sent twice, whatever
-- restarts, repeated runs or nodes there are.
create table contract_reminders (
  org_id       uuid                     not null,
  contract_id  uuid                     not null,
  deadline     date                     not null,
  days_before  integer                  not null,
  sent_at      timestamp with time zone not null,
  recipients   integer                  not null,
  constraint contract_reminders_key primary key (contract_id, deadline, days_before),
  constraint contract_reminders_contract foreign key (contract_id) references contracts (id)
);
create index contract_reminders_org on contract_reminders (org_id, sent_at);

-- The secret address of an organization's calendar feed. Only the SHA-256 of the token is kept; a rotated or revoked
-- feed keeps its row with revoked_at set.
create table contract_calendar_feeds (
  id            uuid                     not null primary key,
  org_id        uuid                     not null,
  token_hash    varchar(64)              not null,
  created_by    uuid,
  created_at    timestamp with time zone not null,
  revoked_at    timestamp with time zone,
  last_used_at  timestamp with time zone,
  constraint contract_calendar_feeds_token unique (token_hash)
);
create index contract_calendar_feeds_org on contract_calendar_feeds (org_id, revoked_at);
