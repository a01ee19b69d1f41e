-- Decisions form a hash chain: each record's hash covers its canonical form and the hash of the record before it
-- (seq - 1), so that altering, removing or reordering any record breaks every hash after it. The service computes
-- hashes when it appends (AuditChain.java); this migration chains the records made before it, with the same
-- canonical form:
--   seq|id|kind|subject_ref|assessed_on|decided_at (epoch µs)|recorded_at (epoch µs)|caller|idempotency_key or ''|
--   request_sha256|ruleset_version|ruleset_sha256|sha256(input)|sha256(response)
-- and hash = sha256(previous_hash || '|' || canonical), previous_hash of the first record = 64 zeros.
alter table decision
    add column seq           bigint,
    add column previous_hash char(64),
    add column hash          char(64);

do $$
declare
    r    record;
    prev text := repeat('0', 64);
    n    bigint := 0;
    h    text;
begin
    for r in select * from decision order by recorded_at, id loop
        n := n + 1;
        h := encode(sha256(convert_to(prev || '|' || concat_ws('|',
                n::text, r.id::text, r.kind, r.subject_ref, r.assessed_on::text,
                ((extract(epoch from r.decided_at) * 1000000)::bigint)::text,
                ((extract(epoch from r.recorded_at) * 1000000)::bigint)::text,
                r.caller, coalesce(r.idempotency_key, ''), r.request_sha256, r.ruleset_version::text, r.ruleset_sha256,
                encode(sha256(convert_to(r.input, 'UTF8')), 'hex'),
                encode(sha256(convert_to(r.response::text, 'UTF8')), 'hex')), 'UTF8')), 'hex');
        update decision set seq = n, previous_hash = prev, hash = h where id = r.id;
        prev := h;
    end loop;
end
$$;

alter table decision
    alter column seq set not null,
    alter column previous_hash set not null,
    alter column hash set not null,
    alter column recorded_at drop default;
create unique index decision_seq_idx on decision (seq);

-- Recorded decisions are never changed or removed.
create trigger decision_append_only before update or delete on decision
    for each row execute function hamyar_refuse_change();
create trigger decision_not_truncated before truncate on decision
    for each statement execute function hamyar_refuse_change();
create trigger ruleset_event_not_truncated before truncate on ruleset_event
    for each statement execute function hamyar_refuse_change();

-- Auditor queries: each filter has an index that also gives the stable order (newest first by seq).
create index decision_subject_seq_idx on decision (subject_ref, seq);
create index decision_kind_seq_idx on decision (kind, seq);
create index decision_ruleset_seq_idx on decision (ruleset_version, seq);
create index decision_decided_at_seq_idx on decision (decided_at, seq);
-- Conclusions (type, value) and fired rules, queried with @> on the response as jsonb.
create index decision_response_idx on decision using gin ((response::jsonb) jsonb_path_ops);
drop index decision_subject_idx;
drop index decision_decided_at_idx;

-- Auditors are audited: every read of a single record and every replay.
create table audit_read (
    id           bigint      generated always as identity primary key,
    at           timestamptz not null default clock_timestamp(),
    actor        varchar(64) not null,
    action       varchar(8)  not null check (action in ('READ', 'REPLAY')),
    decision_id  uuid        not null references decision (id)
);
create index audit_read_decision_idx on audit_read (decision_id);
create trigger audit_read_append_only before update or delete on audit_read
    for each row execute function hamyar_refuse_change();
create trigger audit_read_not_truncated before truncate on audit_read
    for each statement execute function hamyar_refuse_change();
