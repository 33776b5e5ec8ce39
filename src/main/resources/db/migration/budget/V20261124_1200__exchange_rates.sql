-- Exchange rates of an organization: one unit of `currency` is worth `rate` units of `base_currency` (the
-- organization's base currency when the rate was entered) from `valid_from` on, until the next rate of the pair.
create table exchange_rates (
  id             uuid                     not null primary key,
  org_id         uuid                     not null,
  currency       varchar(3)               not null,
  base_currency  varchar(3)               not null,
  rate           numeric(19, 10)          not null,
  valid_from     date                     not null,
  archived       boolean                  not null default false,
  created_at     timestamp with time zone not null,
  updated_at     timestamp with time zone not null,
  version        bigint                   not null
);
create index exchange_rates_org_pair on exchange_rates (org_id, base_currency, currency, valid_from);

-- Money recorded in another currency than the budget's keeps what it was: the original amount, its currency and the
-- rate that converted it. Null for money in the budget's own currency.
alter table budget_movements add column original_amount numeric(19, 4);
alter table budget_movements add column original_currency varchar(3);
alter table budget_movements add column exchange_rate numeric(19, 10);

-- Imported rows keep their amounts as the file gave them, in the file's currency, with the rate used (null when the
-- file's currency is the budget's).
alter table budget_actual_rows add column currency varchar(3);
alter table budget_actual_rows add column exchange_rate numeric(19, 10);

-- Which FOCUS amount an import recorded as the actual: BilledCost (cash, the default) or EffectiveCost (amortised).
alter table cost_imports add column measure varchar(10) not null default 'BILLED';
