-- Missing resources, described by the need only (no case, no person). The same need in the
-- same month is one row whose count grows.
create table gaps (
  id text primary key,
  municipality text not null references municipalities (code),
  period text not null,
  key text not null,
  district text,
  stage integer,
  situations text[] not null default '{}',
  categories text[] not null default '{}',
  time_bands text[] not null default '{}',
  interests text[] not null default '{}',
  failed_factor text,
  description text,
  source text not null default 'match',
  count integer not null default 1,
  status text not null default 'new' check (status in ('new', 'council', 'in_progress', 'resolved', 'dropped')),
  owner text,
  due date,
  resolved_by text,
  reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality, period, key)
);
create index gaps_municipality_status on gaps (municipality, status, period);

create table gap_events (
  id bigserial primary key,
  gap_id text not null references gaps (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id text,
  actor_name text,
  kind text not null,
  from_status text,
  to_status text,
  comment text
);
create index gap_events_gap on gap_events (gap_id, id);
