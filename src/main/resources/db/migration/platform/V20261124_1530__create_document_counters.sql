-- The last human-friendly number handed out per organization, series (PR, PO, IT …) and period (a year, or 0 for
-- numbers that never restart). Incremented inside the transaction that creates the document, so numbers have no gaps
-- from failed attempts and concurrent creators queue on the row.
create table document_counters (
  org_id      uuid         not null,
  series      varchar(20)  not null,
  period      integer      not null,
  last_value  bigint       not null,
  constraint document_counters_pk primary key (org_id, series, period)
);
