-- Resources: PostgreSQL is the system of record; the search index is derived from it.
create table municipalities (
  code text primary key,
  data jsonb not null,
  updated_at timestamptz not null default now()
);

create table resources (
  id text primary key,
  municipality text not null references municipalities(code),
  -- the record as served, including staff edits
  data jsonb not null,
  -- the record as last imported; a field where data differs from it was edited by staff
  imported jsonb not null,
  -- where the import came from (inventory file, CSV file…), so removals stay scoped to it
  origin text not null,
  synthetic boolean not null default false,
  imported_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index resources_municipality on resources(municipality);
create index resources_origin on resources(origin);

-- A staff edit that a later import would have overwritten: kept, and reported here.
create table import_conflicts (
  id bigserial primary key,
  resource_id text not null references resources(id) on delete cascade,
  field text not null,
  staff_value jsonb,
  incoming_value jsonb,
  detected_at timestamptz not null default now(),
  unique (resource_id, field, incoming_value)
);

-- Every change to a resource, for the audit trail.
create table resource_events (
  id bigserial primary key,
  resource_id text not null,
  action text not null,
  actor text not null,
  fields text[] not null default '{}',
  at timestamptz not null default now()
);

create table index_state (
  name text primary key,
  fingerprint text not null,
  documents integer not null,
  synced_at timestamptz not null default now()
);
