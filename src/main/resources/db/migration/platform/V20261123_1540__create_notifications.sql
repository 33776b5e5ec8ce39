-- In-app notifications of a person in one organization; emailed too when a mail server is configured.
create table notifications (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  account_id  uuid                     not null,
  kind        varchar(60)              not null,
  title       varchar(300)             not null,
  body        varchar(4000),
  link        varchar(1000),
  created_at  timestamp with time zone not null,
  read_at     timestamp with time zone,
  emailed_at  timestamp with time zone
);
create index notifications_inbox on notifications (org_id, account_id, created_at, id);
create index notifications_unread on notifications (org_id, account_id, read_at);
