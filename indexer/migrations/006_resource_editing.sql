-- Staff editing: who changed which field of a resource, from what to what.
create table resource_history (
  id bigserial primary key,
  resource_id text not null,
  at timestamptz not null default now(),
  actor_id text,
  actor_name text,
  kind text not null check (kind in ('edit', 'create', 'retire', 'suggestion', 'host_change', 'conflict')),
  -- [{ field, old, new }]: values of a public resource, never participant data
  changes jsonb not null
);
create index resource_history_resource on resource_history (resource_id, at);

-- Residents' 「情報のまちがいを知らせる」 and hosts' proposed changes, waiting for staff.
create table resource_suggestions (
  id bigserial primary key,
  resource_id text not null references resources (id),
  municipality text not null,
  kind text not null check (kind in ('resident', 'host')),
  message text,
  patch jsonb,
  submitted_by text,
  created_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'dismissed')),
  decided_by text,
  decided_at timestamptz,
  reason text
);
create index resource_suggestions_pending on resource_suggestions (municipality, status, created_at);

-- Per-municipality choices, e.g. whether hosts' changes are published without review.
create table municipality_settings (
  municipality text primary key references municipalities (code),
  data jsonb not null default '{}'
);
