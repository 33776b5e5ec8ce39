-- An approver away for a period names a delegate who decides their approval steps meanwhile (both stay able to).
create table approval_delegations (
  id            uuid                     not null primary key,
  org_id        uuid                     not null,
  delegator_id  uuid                     not null,
  delegate_id   uuid                     not null,
  starts_on     date                     not null,
  ends_on       date                     not null,
  reason        varchar(500),
  created_by    uuid                     not null,
  revoked_at    timestamp with time zone,
  revoked_by    uuid,
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null,
  version       bigint                   not null
);
create index approval_delegations_org_delegator on approval_delegations (org_id, delegator_id, ends_on);
create index approval_delegations_org_delegate on approval_delegations (org_id, delegate_id, ends_on);
