-- Caseworker overrides: a person decides otherwise than a conclusion, with a reason. Each is appended to a hash chain
-- of its own, like the decisions' (hash = sha256(previous_hash || '|' || canonical form), see HashChain.java), whose
-- head the signed checkpoints carry beside the decisions' head; nothing here is ever changed or removed.
create table decision_override (
    id               uuid          primary key,
    seq              bigint        not null,
    decision_id      uuid          not null references decision (id),
    type             varchar(64)   not null,
    subject          varchar(64),
    value_from       varchar(64)   not null,
    value_to         varchar(64)   not null,
    rule             varchar(300),
    reason           text          not null,
    overridden_by    varchar(64)   not null,
    organisation     varchar(64),
    overridden_at    timestamptz   not null,
    idempotency_key  varchar(64),
    request_sha256   char(64)      not null,
    previous_hash    char(64)      not null,
    hash             char(64)      not null,
    constraint decision_override_idempotency_key unique (overridden_by, idempotency_key)
);
create unique index decision_override_seq_idx on decision_override (seq);
create index decision_override_decision_idx on decision_override (decision_id, seq);
create index decision_override_time_idx on decision_override (overridden_at, seq);
create index decision_override_rule_idx on decision_override (rule, overridden_at);

create trigger decision_override_append_only before update or delete on decision_override
    for each row execute function hamyar_refuse_change();
create trigger decision_override_not_truncated before truncate on decision_override
    for each statement execute function hamyar_refuse_change();

grant select, insert on decision_override to ${serviceRole};
