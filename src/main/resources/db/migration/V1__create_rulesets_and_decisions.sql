-- Ruleset versions: one row per distinct rule tree (by sha256) the service has decided with.
create table ruleset_version (
    version     integer generated always as identity primary key,
    sha256      char(64)     not null unique,
    source      varchar(300) not null,
    created_at  timestamptz  not null default now()
);

-- Every decision, recorded before it is answered.
create table decision (
    id               uuid         primary key,
    kind             varchar(16)  not null check (kind in ('family', 'group', 'helper')),
    subject_ref      varchar(64)  not null,
    assessed_on      date         not null,
    decided_at       timestamptz  not null,
    recorded_at      timestamptz  not null default clock_timestamp(),
    caller           varchar(64)  not null,
    idempotency_key  varchar(64),
    request_sha256   char(64)     not null,
    ruleset_version  integer      not null references ruleset_version (version),
    ruleset_sha256   char(64)     not null,
    input            text         not null,
    response         json         not null,  -- json, not jsonb: the exact text that was answered
    constraint decision_idempotency_key unique (caller, idempotency_key)
);

create index decision_subject_idx on decision (subject_ref, decided_at);
create index decision_decided_at_idx on decision (decided_at);
