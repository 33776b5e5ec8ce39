-- Audit trail: append-only, hash-chained per organization.
create table audit_chain_heads (
  org_id    uuid        not null primary key,
  last_seq  bigint      not null,
  last_hash varchar(64) not null
);

create table audit_events (
  id           uuid                     not null primary key,
  org_id       uuid                     not null,
  seq          bigint                   not null,
  occurred_at  timestamp with time zone not null,
  actor_id     uuid,
  actor_name   varchar(200)             not null,
  action       varchar(100)             not null,
  entity_type  varchar(100)             not null,
  entity_id    varchar(100)             not null,
  before_state varchar(1000000),
  after_state  varchar(1000000),
  prev_hash    varchar(64)              not null,
  hash         varchar(64)              not null,
  constraint audit_events_org_seq unique (org_id, seq)
);
create index audit_events_org_entity on audit_events (org_id, entity_type, entity_id);
create index audit_events_org_time on audit_events (org_id, occurred_at);

-- Responses to API POSTs sent with an Idempotency-Key, kept for a day.
create table idempotency_keys (
  account_id   uuid                     not null,
  idem_key     varchar(200)             not null,
  fingerprint  varchar(64)              not null,
  state        varchar(10)              not null,
  status       integer,
  content_type varchar(200),
  location     varchar(2000),
  etag         varchar(100),
  body         varchar(1000000),
  created_at   timestamp with time zone not null,
  primary key (account_id, idem_key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

-- Cluster-wide locks for scheduled jobs (ShedLock).
create table shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);

-- Event publication registry (Spring Modulith): no event between modules is lost on a crash.
create table event_publication (
  id                     uuid                     not null primary key,
  listener_id            varchar(512)             not null,
  event_type             varchar(512)             not null,
  serialized_event       varchar(20000)           not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 varchar(20),
  completion_attempts    integer,
  last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Sessions in the database (Spring Session JDBC), so application nodes stay stateless.
create table spring_session (
  primary_id            char(36)     not null,
  session_id            char(36)     not null,
  creation_time         bigint       not null,
  last_access_time      bigint       not null,
  max_inactive_interval int          not null,
  expiry_time           bigint       not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36)     not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea        not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
