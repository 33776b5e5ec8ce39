-- Versions of an organization's purchase approval policy. A draft is edited freely; a published version is never
-- changed again, so a request keeps the rules it was submitted under. The version in force on a day is the published
-- one with the latest effective date on or before it.
create table approval_policies (
  id              uuid                     not null primary key,
  org_id          uuid                     not null,
  version_number  integer                  not null,
  effective_from  date                     not null,
  status          varchar(20)              not null,
  note            varchar(1000),
  -- counts the saves of a draft, so that a change of its rules alone is a new version of the row too
  edits           integer                  not null default 0,
  published_at    timestamp with time zone,
  published_by    uuid,
  created_at      timestamp with time zone not null,
  updated_at      timestamp with time zone not null,
  version         bigint                   not null,
  constraint approval_policies_org_number unique (org_id, version_number)
);
create index approval_policies_org_effective on approval_policies (org_id, status, effective_from);

-- The ordered rules of a policy version: conditions (amount band in base currency, cost categories, department,
-- CapEx/OpEx) and the approvers of the step each adds.
create table approval_rules (
  id              uuid                     not null primary key,
  org_id          uuid                     not null,
  policy_id       uuid                     not null,
  position        integer                  not null,
  stage           integer                  not null,
  name            varchar(100)             not null,
  amount_above    numeric(19, 4),
  amount_up_to    numeric(19, 4),
  -- cost category ids separated by commas; empty for all
  category_ids    varchar(4000)            not null default '',
  department_id   uuid,
  expense_type    varchar(5),
  approver_kind   varchar(20)              not null,
  approver_role   varchar(20),
  approver_id     uuid,
  step_mode       varchar(5)               not null,
  constraint approval_rules_policy foreign key (policy_id) references approval_policies (id),
  constraint approval_rules_position unique (policy_id, position)
);
create index approval_rules_org_policy on approval_rules (org_id, policy_id, position);
