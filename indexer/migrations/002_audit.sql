-- Append-only, tamper-evident record of sign-ins, account and resource changes and every
-- access to participant data. Who, what, when, outcome: never the data itself.
create table audit_log (
  seq bigint primary key,
  -- the exact ISO text that was hashed, so a driver's date handling cannot break the chain
  at text not null,
  actor_id text,
  actor_role text,
  municipality text,
  action text not null,
  object_type text,
  object_id text,
  client text,
  outcome text not null check (outcome in ('ok', 'denied', 'failed')),
  prev_hash text not null,
  hash text not null
);
create index audit_log_municipality_at on audit_log(municipality, at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
