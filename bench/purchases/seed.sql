-- Purchase request benchmark (bench/purchases/run.sh): writes the history of an organization with many purchase
-- requests, and the drafts the submit benchmark submits, directly in SQL into the tables the application writes.
--
--   psql -v slug=bench -v admin_email=... -v requests=200000 -v drafts=50000 -v year=2026 -f bench/purchases/seed.sql
--
-- What the application would have written, row for row: requests with their lines (amounts and base amounts), the
-- approval steps the default policy plans (IT manager; CIO above 1,000; executive above 50,000) with their approvers
-- and decisions, the budget reservations (and releases of rejected and withdrawn requests) with the lines' running
-- totals, and the document counters. Left out: the audit trail (a hash chain per organization), notifications and
-- event publications, which no measured request reads. The people, departments, budget and budget lines already exist:
-- run.sh creates them through the API first, and submits one request through the API whose policy id and version
-- are copied here.
--
-- History (:requests rows, over the last two years, oldest first, all on the budget lines coded H*): the newest 5 %
-- are mostly waiting for a decision (SUBMITTED, at stage 1 or at a later stage), the rest mostly APPROVED, some
-- REJECTED, WITHDRAWN or abandoned as drafts. The bootstrap administrator (a CIO) is the approver of every CIO step.
-- Drafts (:drafts rows): the administrator's own, titled 'Bench draft …', one to three lines each, spread evenly over
-- the budget lines coded S* (some of which block overspending and are nearly full).
\set ON_ERROR_STOP on
\timing off
select setseed(0.42);

-- A time-ordered UUID (version 7, as org.opencio.shared.Ids writes them) for a moment.
create function pg_temp.uuid7(ts timestamptz) returns uuid language sql volatile as $$
  select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3)
          || to_hex(8 + floor(random() * 4)::int) || substr(md5(random()::text), 1, 15))::uuid
$$;

-- A number as DocumentNumbers writes it (%04d: at least four digits).
create function pg_temp.four(n bigint) returns text language sql immutable as $$
  select lpad(n::text, greatest(4, length(n::text)), '0')
$$;

create temp table ctx as
select o.id as org_id, o.base_currency as currency, a.id as admin_id,
       (select policy_id from purchase_requests r where r.org_id = o.id and r.status = 'SUBMITTED' limit 1) as policy_id,
       (select policy_version from purchase_requests r where r.org_id = o.id and r.status = 'SUBMITTED' limit 1) as policy_version
from organizations o, accounts a
where o.slug = :'slug' and a.email = :'admin_email';

do $$ begin
  if (select count(*) from ctx) <> 1 then raise exception 'no organization % or no administrator', current_setting('bench.slug', true); end if;
end $$;

-- Requesters: members who are neither approvers nor the administrator.
create temp table requesters as
select row_number() over (order by m.account_id) - 1 as n, m.account_id, m.department_id
from memberships m, ctx where m.org_id = ctx.org_id and m.active and m.role in ('EMPLOYEE', 'IT_STAFF') and m.account_id <> ctx.admin_id;
create temp table role_members as
select m.role, m.account_id from memberships m, ctx where m.org_id = ctx.org_id and m.active and m.role in ('IT_MANAGER', 'CIO', 'EXECUTIVE');
create temp table hist_lines as
select row_number() over (order by l.code) - 1 as n, l.id from budget_lines l, ctx where l.org_id = ctx.org_id and l.code like 'H%';
create temp table submit_lines as
select row_number() over (order by l.code) - 1 as n, l.id, l.department_id, l.expense_type from budget_lines l, ctx
where l.org_id = ctx.org_id and l.code like 'S%';

do $$ begin
  if (select count(*) from requesters) = 0 or (select count(*) from hist_lines) = 0 or (select count(*) from submit_lines) = 0
     or not exists (select 1 from role_members where role = 'IT_MANAGER') then
    raise exception 'seed the members, an IT manager and the budget lines H* and S* first';
  end if;
end $$;

-- ---- history

create temp table h as
select i, pg_temp.uuid7(ts) as id, ts as created_at,
       case
         when i > :requests * 0.95 then (array['SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','DRAFT','DRAFT','APPROVED','REJECTED'])[i % 10 + 1]
         else (array['DRAFT','REJECTED','REJECTED','WITHDRAWN','APPROVED'])[least(i % 20 + 1, 5)]
       end as status,
       i % 3 + 1 as line_count,
       (select count(*) from requesters) as nreq
from (select i, now() - interval '730 days' * (1 - i::numeric / :requests) - interval '1 hour' as ts
      from generate_series(1, :requests) i) g;

create temp table hl as
select h.id as request_id, h.i, p as position, pg_temp.uuid7(h.created_at) as id,
       (1 + floor(random() * 5))::numeric(19,4) as quantity,
       round((exp(random() * 8.5) * 2)::numeric, 2)::numeric(19,4) as unit_price
from h, generate_series(1, 3) p where p <= h.line_count;

create temp table ht as
select h.*, t.total, r.account_id as requester_id, r.department_id,
       (select id from hist_lines where n = h.i % (select count(*) from hist_lines)) as line_id,
       row_number() over (partition by extract(year from h.created_at) order by h.i)
         + coalesce((select c.last_value from document_counters c, ctx where c.org_id = ctx.org_id and c.series = 'PR'
                     and c.period = extract(year from h.created_at)), 0) as seq
from h
join (select request_id, sum(quantity * unit_price)::numeric(19,4) as total from hl group by request_id) t on t.request_id = h.id
join requesters r on r.n = h.i % h.nreq;

insert into purchase_requests (id, org_id, number, title, justification, needed_by, requester_id, department_id, budget_line_id,
  vendor_id, expense_type, status, base_currency, total_base, check_status, check_available_after, check_extra_approval, policy_id,
  policy_version, round, submitted_at, decided_at, edits, created_at, updated_at, version)
select ht.id, ctx.org_id, 'PR-' || extract(year from ht.created_at)::int || '-' || pg_temp.four(ht.seq),
       'Purchase ' || ht.i || ': ' || (array['laptops','monitors','licences','cloud credits','headsets','docking stations','training','support renewal'])[ht.i % 8 + 1],
       case when ht.i % 3 = 0 then 'Replacement of equipment at the end of its life, as planned in the budget.' end,
       case when ht.i % 4 = 0 then (ht.created_at + interval '30 days')::date end,
       ht.requester_id, ht.department_id, ht.line_id, null, case when ht.i % 5 = 0 then 'CAPEX' else 'OPEX' end, ht.status, ctx.currency,
       case when ht.status = 'DRAFT' then null else ht.total end,
       case when ht.status = 'DRAFT' then null else 'OK' end,
       case when ht.status = 'DRAFT' then null else 1000000 end,
       case when ht.status = 'DRAFT' then null else false end,
       case when ht.status = 'DRAFT' then null else ctx.policy_id end,
       case when ht.status = 'DRAFT' then null else ctx.policy_version end,
       case when ht.status = 'DRAFT' then 0 else 1 end,
       case when ht.status = 'DRAFT' then null else ht.created_at + interval '10 minutes' end,
       case when ht.status in ('APPROVED', 'REJECTED', 'WITHDRAWN') then ht.created_at + interval '2 days' end,
       case when ht.status in ('APPROVED', 'REJECTED', 'WITHDRAWN') then 1 else 0 end,
       ht.created_at, ht.created_at + interval '10 minutes',
       case when ht.status = 'DRAFT' then 0 when ht.status = 'SUBMITTED' then 1 else 2 end
from ht, ctx;

insert into purchase_request_lines (id, org_id, request_id, position, description, category_id, quantity, unit_price, currency, vendor_id,
  catalog_item, kind, rate_to_base, amount, base_amount)
select hl.id, ctx.org_id, hl.request_id, hl.position, 'Item ' || hl.position || ' of purchase ' || hl.i, null, hl.quantity, hl.unit_price,
       ctx.currency, null, null, case when hl.i % 7 = 0 then 'SERVICE' else 'GOODS' end,
       case when ht.status = 'DRAFT' then null else 1 end, (hl.quantity * hl.unit_price)::numeric(19,4),
       case when ht.status = 'DRAFT' then null else (hl.quantity * hl.unit_price)::numeric(19,4) end
from hl join ht on ht.id = hl.request_id, ctx;

-- Steps: stage 1 IT manager (every request), stage 2 CIO (above 1,000), stage 3 executive (above 50,000; the CIO as
-- fallback when the organization has no executive). A SUBMITTED request waits at its first stage or, one in two of
-- those with several stages, at the next; an APPROVED one has every step approved; a REJECTED one was rejected at its
-- first stage, later stages cancelled; a WITHDRAWN one had its open steps cancelled.
create temp table hs as
select ht.id as request_id, ht.i, ht.created_at, ht.status as request_status, st.stage, st.name, st.role, st.fallback,
       pg_temp.uuid7(ht.created_at + interval '10 minutes') as id,
       max(st.stage) over (partition by ht.id) as stages
from ht
cross join lateral (values (1, 'IT manager', 'IT_MANAGER', false), (2, 'CIO', 'CIO', false),
    (3, 'Executive', case when exists (select 1 from role_members where role = 'EXECUTIVE') then 'EXECUTIVE' else 'CIO' end,
     not exists (select 1 from role_members where role = 'EXECUTIVE'))) st(stage, name, role, fallback)
where ht.status <> 'DRAFT' and (st.stage = 1 or (st.stage = 2 and ht.total > 1000) or (st.stage = 3 and ht.total > 50000));

create temp table hss as
select hs.*,
       case hs.request_status
         when 'APPROVED' then 'APPROVED'
         when 'REJECTED' then case when hs.stage = 1 then 'REJECTED' else 'CANCELLED' end
         when 'WITHDRAWN' then 'CANCELLED'
         else case
           when hs.stages = 1 or hs.i % 2 = 0 then case when hs.stage = 1 then 'PENDING' else 'WAITING' end
           else case when hs.stage = 1 then 'APPROVED' when hs.stage = 2 then 'PENDING' else 'WAITING' end
         end
       end as status
from hs;

insert into approval_steps (id, org_id, request_id, round, stage, name, mode, status, fallback, budget_extra, started_at, decided_at)
select hss.id, ctx.org_id, hss.request_id, 1, hss.stage, hss.name, 'ANY', hss.status, hss.fallback, false,
       case when hss.status in ('WAITING') or (hss.status = 'CANCELLED' and hss.stage > 1) then null
            else hss.created_at + interval '10 minutes' + interval '1 hour' * (hss.stage - 1) end,
       case when hss.status in ('APPROVED', 'REJECTED', 'CANCELLED') then hss.created_at + interval '10 minutes' + interval '1 hour' * hss.stage end
from hss, ctx;

insert into approval_step_approvers (org_id, step_id, account_id)
select ctx.org_id, hss.id, rm.account_id from hss join role_members rm on rm.role = hss.role, ctx;

-- One decision per decided step, by one of its approvers (the first by account id for the CIO steps: the administrator).
insert into approval_decisions (id, org_id, step_id, approver_id, on_behalf_of, decision, comment, decided_at)
select pg_temp.uuid7(hss.created_at), ctx.org_id, hss.id,
       (select rm.account_id from role_members rm where rm.role = hss.role order by rm.account_id offset (hss.i % greatest(1,
           (select count(*) from role_members r2 where r2.role = hss.role))) limit 1),
       null, hss.status, case when hss.status = 'REJECTED' then 'Not in this year''s plan.' end,
       hss.created_at + interval '10 minutes' + interval '1 hour' * hss.stage
from hss, ctx where hss.status in ('APPROVED', 'REJECTED');

-- Budget: every submitted request reserved its total under source purchase-request:<id>; rejected and withdrawn ones
-- released it again. Fiscal month as the ledger computes it, clamped to 1..12.
insert into budget_movements (id, org_id, line_id, stage, amount, fiscal_month, source_type, source_id, source_key, description,
  created_at, created_by)
select pg_temp.uuid7(ht.created_at), ctx.org_id, ht.line_id, 'RESERVED', m.amount,
       greatest(1, least(12, ((extract(year from ht.created_at)::int - b.fiscal_year) * 12 + extract(month from ht.created_at)::int - b.start_month + 1))),
       'purchase-request', ht.id::text, m.key, m.description, ht.created_at + interval '10 minutes' * m.k, m.actor
from ht
join budget_lines l on l.id = ht.line_id
join budgets b on b.id = l.budget_id
cross join ctx
cross join lateral (values (1, ht.total, 'RESERVED:purchase-request:' || ht.id, 'PR ' || ht.i, ht.requester_id),
                           (2, -ht.total, 'RELEASE:purchase-request:' || ht.id, 'released', ht.requester_id)) m(k, amount, key, description, actor)
where ht.status <> 'DRAFT' and (m.k = 1 or ht.status in ('REJECTED', 'WITHDRAWN'));

update budget_lines l set reserved = coalesce((select sum(amount) from budget_movements m where m.org_id = l.org_id and m.line_id = l.id
    and m.stage = 'RESERVED'), 0), version = version + 1
from ctx where l.org_id = ctx.org_id and l.code like 'H%';

-- ---- drafts for the submit benchmark: the administrator's own, spread over the S* lines

create temp table d as
select i, pg_temp.uuid7(now() - interval '1 minute' * (:drafts - i) / 100) as id, now() - interval '1 minute' * (:drafts - i) / 100 as created_at,
       i % 3 + 1 as line_count
from generate_series(1, :drafts) i;

create temp table dl as
select d.id as request_id, d.i, p as position, pg_temp.uuid7(d.created_at) as id,
       (1 + floor(random() * 3))::numeric(19,4) as quantity,
       round((50 + random() * 1200)::numeric, 2)::numeric(19,4) as unit_price
from d, generate_series(1, 3) p where p <= d.line_count;

insert into purchase_requests (id, org_id, number, title, justification, needed_by, requester_id, department_id, budget_line_id,
  vendor_id, expense_type, status, base_currency, total_base, check_status, check_available_after, check_extra_approval, policy_id,
  policy_version, round, submitted_at, decided_at, edits, created_at, updated_at, version)
select d.id, ctx.org_id, 'PR-' || :year || '-' || pg_temp.four(coalesce((select max(seq) from ht where extract(year from created_at) = :year),
         (select c.last_value from document_counters c where c.org_id = ctx.org_id and c.series = 'PR' and c.period = :year), 0) + d.i),
       'Bench draft ' || d.i, null, null, ctx.admin_id, sl.department_id, sl.id, null, sl.expense_type, 'DRAFT', ctx.currency, null, null,
       null, null, null, null, 0, null, null, 0, d.created_at, d.created_at, 0
from d join submit_lines sl on sl.n = d.i % (select count(*) from submit_lines), ctx;

insert into purchase_request_lines (id, org_id, request_id, position, description, category_id, quantity, unit_price, currency, vendor_id,
  catalog_item, kind, rate_to_base, amount, base_amount)
select dl.id, ctx.org_id, dl.request_id, dl.position, 'Item ' || dl.position || ' of draft ' || dl.i, null, dl.quantity, dl.unit_price,
       ctx.currency, null, null, 'GOODS', null, (dl.quantity * dl.unit_price)::numeric(19,4), null
from dl, ctx;

-- The counters: a request created through the API after this gets the next number of its year.
insert into document_counters (org_id, series, period, last_value)
select ctx.org_id, 'PR', y.year, y.last + case when y.year = :year then :drafts else 0 end from ctx,
  (select extract(year from created_at)::int as year, max(seq) as last from ht group by 1) y
on conflict (org_id, series, period) do update set last_value = greatest(document_counters.last_value, excluded.last_value);

analyze purchase_requests;
analyze purchase_request_lines;
analyze approval_steps;
analyze approval_step_approvers;
analyze approval_decisions;
analyze budget_movements;
analyze budget_lines;

select status, count(*) from purchase_requests, ctx where purchase_requests.org_id = ctx.org_id group by status order by status;
select 'steps' as what, count(*) from approval_steps union all select 'approvers', count(*) from approval_step_approvers
union all select 'decisions', count(*) from approval_decisions union all select 'lines', count(*) from purchase_request_lines
union all select 'movements', count(*) from budget_movements
union all select 'admin pending steps', count(*) from approval_steps s join approval_step_approvers a on a.step_id = s.id, ctx
  where a.account_id = ctx.admin_id and s.status = 'PENDING'
union all select 'admin steps (all)', count(*) from approval_step_approvers a, ctx where a.account_id = ctx.admin_id;
