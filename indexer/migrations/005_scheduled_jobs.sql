-- Periodic work (pruning counters, retention) runs once per period across all instances:
-- an instance runs a job only if its update claims the due row.
create table scheduled_jobs (
  name text primary key,
  next_run timestamptz not null,
  last_run timestamptz,
  last_instance text
);
