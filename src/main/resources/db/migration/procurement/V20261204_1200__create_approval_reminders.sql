-- Per organization: after how many business days waiting (weekends skipped, counted in the organization's time zone)
-- a pending approval step reminds its approvers, and after how many it is escalated to the next person up. The row is
-- locked while the reminder job works on the organization, so two nodes never work on it at once.
create table approval_settings (
  org_id                uuid                     not null primary key,
  remind_after_days     integer                  not null,
  escalate_after_days   integer                  not null,
  updated_at            timestamp with time zone not null,
  version               bigint                   not null
);

-- What the reminder job did to a pending step: at most one reminder and one escalation per step (the key), inserted
-- in the same transaction as the notifications, so none is sent twice whatever restarts, repeated runs or nodes.
-- people: the approvers (and delegates) reminded, or the people added as approvers, ids separated by commas.
create table approval_step_follow_ups (
  org_id         uuid                     not null,
  step_id        uuid                     not null,
  request_id     uuid                     not null,
  kind           varchar(10)              not null,
  business_days  integer                  not null,
  happened_at    timestamp with time zone not null,
  people         varchar(4000)            not null,
  constraint approval_step_follow_ups_key primary key (step_id, kind),
  constraint approval_step_follow_ups_step foreign key (step_id) references approval_steps (id),
  constraint approval_step_follow_ups_request foreign key (request_id) references purchase_requests (id)
);
create index approval_step_follow_ups_org_request on approval_step_follow_ups (org_id, request_id, happened_at);

-- Approval cycle time reads decided requests, steps and decisions of a period.
create index purchase_requests_org_decided on purchase_requests (org_id, decided_at);
create index approval_steps_org_decided on approval_steps (org_id, decided_at);
create index approval_decisions_org_decided on approval_decisions (org_id, decided_at);
