-- Performance reviews of a vendor: six scores from 1 to 5 for one period, by one reviewer. The overall score is the
-- mean of the six, stored so that lists, trends and comparisons sort and average it without recomputing.
create table vendor_reviews (
  id             uuid                     not null primary key,
  org_id         uuid                     not null,
  vendor_id      uuid                     not null,
  -- "2026", "2026-H2", "2026-Q3" or "2026-09"; the first and last day it covers are stored beside it
  review_period  varchar(10)              not null,
  period_start   date                     not null,
  period_end     date                     not null,
  quality        integer                  not null,
  delivery       integer                  not null,
  support        integer                  not null,
  cost           integer                  not null,
  relationship   integer                  not null,
  innovation     integer                  not null,
  overall        numeric(4, 2)            not null,
  comments       varchar(4000),
  reviewer_id    uuid                     not null,
  archived       boolean                  not null default false,
  created_at     timestamp with time zone not null,
  updated_at     timestamp with time zone not null,
  version        bigint                   not null,
  constraint vendor_reviews_vendor foreign key (vendor_id) references vendors (id),
  constraint vendor_reviews_scores check (quality between 1 and 5 and delivery between 1 and 5 and support between 1 and 5
    and cost between 1 and 5 and relationship between 1 and 5 and innovation between 1 and 5)
);
create index vendor_reviews_org_vendor on vendor_reviews (org_id, vendor_id, period_end);
create index vendor_reviews_org_period on vendor_reviews (org_id, period_end);

-- Vendor intelligence: dated notes from briefings, roadmap sessions and meetings ("vendor presented X, relevant to
-- Y"), which the technology radar will link to.
create table vendor_notes (
  id          uuid                     not null primary key,
  org_id      uuid                     not null,
  vendor_id   uuid                     not null,
  noted_on    date                     not null,
  kind        varchar(20)              not null,
  title       varchar(200)             not null,
  body        varchar(8000),
  relevance   varchar(1000),
  tags        varchar(500)             not null default '',
  author_id   uuid                     not null,
  archived    boolean                  not null default false,
  created_at  timestamp with time zone not null,
  updated_at  timestamp with time zone not null,
  version     bigint                   not null,
  constraint vendor_notes_vendor foreign key (vendor_id) references vendors (id)
);
create index vendor_notes_org_vendor on vendor_notes (org_id, vendor_id, noted_on);
create index vendor_notes_org_date on vendor_notes (org_id, noted_on);
