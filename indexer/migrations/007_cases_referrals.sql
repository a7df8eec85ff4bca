-- Participant data (要配慮個人情報). Every free-text field and each member's profile is
-- sealed (AES-256-GCM, key outside the database) before it is written here.
create table cases (
  id text primary key,
  municipality text not null references municipalities (code),
  code text not null,
  members_sealed text,
  contact_note_sealed text,
  notes_sealed text,
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  anonymized_at timestamptz,
  unique (municipality, code)
);
create index cases_municipality on cases (municipality, updated_at);

create table referrals (
  id text primary key,
  -- a retried create with the same key returns the first referral
  idempotency_key text unique,
  case_id text references cases (id) on delete set null,
  member_index integer not null,
  municipality text not null references municipalities (code),
  resource_id text not null references resources (id),
  status text not null,
  consent jsonb,
  consent_withdrawn boolean not null default false,
  -- the consented items of the member's profile, sealed, frozen at sending
  shared_sealed text,
  visit_date date,
  coordinator_id text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index referrals_municipality on referrals (municipality, status);
create index referrals_resource on referrals (resource_id, status);

create table referral_events (
  id bigserial primary key,
  referral_id text not null references referrals (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id text,
  actor_name text,
  kind text not null,
  from_status text,
  to_status text,
  reason text,
  note_sealed text
);
create index referral_events_referral on referral_events (referral_id, id);

create table followups (
  id bigserial primary key,
  referral_id text not null references referrals (id) on delete cascade,
  municipality text not null,
  due_on date not null,
  kind text not null default 'scheduled' check (kind in ('scheduled', 'host_request')),
  done_at timestamptz,
  done_by text,
  how_sealed text,
  next_sealed text
);
create index followups_due on followups (municipality, done_at, due_on);
