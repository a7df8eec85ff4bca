-- Accounts: better-auth's tables (its `generate` output for our options, kept as SQL so
-- PGlite and PostgreSQL run the same migration), then who works for which municipality.
create table "user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" boolean not null, "image" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null, "twoFactorEnabled" boolean, "role" text not null, "disabled" boolean);
create table "session" ("id" text not null primary key, "expiresAt" timestamptz not null, "token" text not null unique, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null, "ipAddress" text, "userAgent" text, "userId" text not null references "user" ("id") on delete cascade);
create table "account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "userId" text not null references "user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" timestamptz, "refreshTokenExpiresAt" timestamptz, "scope" text, "password" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null);
create table "verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" timestamptz not null, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null);
create table "twoFactor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "user" ("id") on delete cascade, "verified" boolean, "failedVerificationCount" integer, "lockedUntil" timestamptz);
-- Sign-in rate limits live here, not in memory, so they hold across instances.
create table "rateLimit" ("id" text not null primary key, "key" text not null unique, "count" integer not null, "lastRequest" bigint not null);
create index "session_userId_idx" on "session" ("userId");
create index "account_userId_idx" on "account" ("userId");
create index "verification_identifier_idx" on "verification" ("identifier");
create index "twoFactor_secret_idx" on "twoFactor" ("secret");
create index "twoFactor_userId_idx" on "twoFactor" ("userId");

alter table "user" add constraint user_role_known check ("role" in ('coordinator', 'host', 'staff', 'admin'));

-- A 広域 contractor works for several municipalities; every non-public query filters by these.
create table user_municipalities (
  user_id text not null references "user" ("id") on delete cascade,
  municipality text not null references municipalities (code),
  primary key (user_id, municipality)
);
create index user_municipalities_municipality on user_municipalities (municipality);

-- The resources a host operates.
create table user_resources (
  user_id text not null references "user" ("id") on delete cascade,
  resource_id text not null references resources (id),
  primary key (user_id, resource_id)
);

-- One-time links: the first admin's setup URL and "set your password" links. Only a hash
-- of the token is stored.
create table account_tokens (
  token_hash text primary key,
  purpose text not null check (purpose in ('setup', 'set_password')),
  user_id text references "user" ("id") on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

-- Per-client request counters for the API's own rate limits (better-auth keeps its own in "rateLimit").
create unlogged table rate_limits (
  key text primary key,
  count integer not null,
  expires_at timestamptz not null
);
