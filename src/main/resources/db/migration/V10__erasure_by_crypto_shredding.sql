-- Erasure (contract v1.1) by crypto-shredding. From now on a subject's decision inputs and answers, the input of her
-- failed evaluations and the reasons of overrides of her decisions are stored sealed (AES-256-GCM) under a data key of
-- her own; the data key is kept here only wrapped under the master key, which lives outside the database
-- (hamyar.privacy.master-key). Erasing her wipes the wrapped key: the ciphertext stays, and with it every hash of the
-- chains, which cover the ciphertext, so the record still verifies. Records made before this migration hold plain
-- text: erasing them replaces it by its sha256 (the digest the chain already covers), and the triggers below allow
-- exactly that change and nothing else.

create table erasure (
    id           bigint       generated always as identity primary key,
    subject_ref  varchar(64)  not null,
    erased_at    timestamptz  not null,
    erased_by    varchar(64)  not null,
    reason       text         not null,
    decisions    integer      not null
);
create index erasure_subject_idx on erasure (subject_ref, erased_at);
create trigger erasure_append_only before update or delete on erasure
    for each row execute function hamyar_refuse_change();
create trigger erasure_not_truncated before truncate on erasure
    for each statement execute function hamyar_refuse_change();

-- One live data key per subject; an erased subject's next decision gets a new one.
create table subject_key (
    id           uuid         primary key,
    subject_ref  varchar(64)  not null,
    wrapped      bytea,        -- nonce | AES-GCM(master key, data key); null once erased
    master_key   char(16)     not null,  -- which master key wrapped it (MasterKeys.id)
    created_at   timestamptz  not null default clock_timestamp(),
    erasure_id   bigint       references erasure (id),
    constraint subject_key_erased_or_live check ((wrapped is null) = (erasure_id is not null))
);
create unique index subject_key_live_idx on subject_key (subject_ref) where wrapped is not null;

create function hamyar_subject_key_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.id = old.id and new.subject_ref = old.subject_ref
            and new.created_at = old.created_at and old.wrapped is not null
            and (new.wrapped is null and new.erasure_id is not null  -- erased
                 or new.wrapped is not null and new.erasure_id is null) then  -- wrapped again under a new master key
        return new;
    end if;
    raise exception '% on subject_key is not allowed: a data key is only ever rewrapped or erased', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger subject_key_guard before update or delete on subject_key
    for each row execute function hamyar_subject_key_guard();
create trigger subject_key_not_truncated before truncate on subject_key
    for each statement execute function hamyar_refuse_change();

-- What audit searches need, kept beside the sealed answer: the fired rules (kept after an erasure, as the contract
-- says; part of the hash of sealed records) and the conclusions as tokens 'TYPE' and 'TYPE=VALUE' (wiped by an
-- erasure). One small GIN index over both replaces the GIN over the whole answer.
alter table decision
    alter column input drop not null,
    alter column response drop not null,
    add column key_id           uuid,   -- no foreign key: its check would cost every append; subject_key is never deleted from
    add column sealed_input     bytea,
    add column sealed_response  bytea,
    add column fired_rules      text[],
    add column concluded        text[],
    add column input_sha256     char(64),  -- a plain record's digests, kept when an erasure wipes its text
    add column response_sha256  char(64),
    add column erasure_id       bigint,
    add constraint decision_plain_or_sealed check (
        key_id is null or (input is null and response is null and sealed_input is not null
                           and sealed_response is not null and fired_rules is not null));

-- Sealed bytes are deflated before they are sealed and do not compress again: PostgreSQL is not to try, and a record
-- (some 3 kB) stays in its row rather than costing TOAST rows and their index on every append.
alter table decision
    alter column sealed_input set storage external,
    alter column sealed_response set storage external;
alter table decision set (toast_tuple_target = 8160);

drop trigger decision_append_only on decision;
update decision d
   set fired_rules = array(select f ->> 'rule' from json_array_elements(d.response -> 'firedRules') f),
       concluded = array(select distinct t from json_array_elements(d.response -> 'conclusions') c,
                               lateral (values (c ->> 'type'), ((c ->> 'type') || '=' || (c ->> 'value'))) v (t));
drop index decision_response_idx;
create index decision_search_idx on decision using gin (fired_rules, concluded);

-- The one change a decision allows: an erasure wipes its conclusions and, on a plain record, replaces its input and
-- answer by their sha256. The hash, the chain and every other column stay as they were.
create function hamyar_decision_forget() returns trigger language plpgsql as $$
declare
    kept constant text[] := array['input', 'response', 'input_sha256', 'response_sha256', 'concluded', 'erasure_id'];
begin
    if tg_op = 'UPDATE' and old.erasure_id is null and new.erasure_id is not null and new.concluded is null
            and new.input is null and new.response is null
            and (to_jsonb(new) - kept) = (to_jsonb(old) - kept)
            and new.input_sha256 is not distinct from
                coalesce(encode(sha256(convert_to(old.input, 'UTF8')), 'hex'), old.input_sha256)
            and new.response_sha256 is not distinct from
                coalesce(encode(sha256(convert_to(old.response::text, 'UTF8')), 'hex'), old.response_sha256) then
        return new;
    end if;
    raise exception '% on decision is not allowed: a decision is only ever erased', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger decision_only_erased before update or delete on decision
    for each row execute function hamyar_decision_forget();

alter table evaluation_failure
    alter column input drop not null,
    add column key_id        uuid,
    add column sealed_input  bytea,
    add column erasure_id    bigint;
drop trigger evaluation_failure_append_only on evaluation_failure;
create function hamyar_failure_forget() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.erasure_id is null and new.erasure_id is not null and new.input is null
            and (to_jsonb(new) - array['input', 'erasure_id']) = (to_jsonb(old) - array['input', 'erasure_id']) then
        return new;
    end if;
    raise exception '% on evaluation_failure is not allowed: a failed evaluation is only ever erased', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger evaluation_failure_only_erased before update or delete on evaluation_failure
    for each row execute function hamyar_failure_forget();

alter table decision_override
    alter column reason drop not null,
    add column key_id         uuid,
    add column sealed_reason  bytea,
    add column reason_sha256  char(64),
    add column erasure_id     bigint;
drop trigger decision_override_append_only on decision_override;
create function hamyar_override_forget() returns trigger language plpgsql as $$
declare
    kept constant text[] := array['reason', 'reason_sha256', 'erasure_id'];
begin
    if tg_op = 'UPDATE' and old.erasure_id is null and new.erasure_id is not null and new.reason is null
            and (to_jsonb(new) - kept) = (to_jsonb(old) - kept)
            and new.reason_sha256 is not distinct from
                coalesce(encode(sha256(convert_to(old.reason, 'UTF8')), 'hex'), old.reason_sha256) then
        return new;
    end if;
    raise exception '% on decision_override is not allowed: an override is only ever erased', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger decision_override_only_erased before update or delete on decision_override
    for each row execute function hamyar_override_forget();

-- The reports keep counting an erased subject's decisions, under a pseudonym no record links back to her.
drop trigger decision_outcome_append_only on decision_outcome;
create function hamyar_outcome_pseudonym() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.subject_ref not like 'erased:%' and new.subject_ref like 'erased:%'
            and (to_jsonb(new) - 'subject_ref') = (to_jsonb(old) - 'subject_ref') then
        return new;
    end if;
    raise exception '% on decision_outcome is not allowed: an outcome only ever loses its subject', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger decision_outcome_only_pseudonymised before update or delete on decision_outcome
    for each row execute function hamyar_outcome_pseudonym();

grant select, insert on erasure, subject_key to ${serviceRole};
grant update (wrapped, master_key, erasure_id) on subject_key to ${serviceRole};
grant update (input, response, input_sha256, response_sha256, concluded, erasure_id) on decision to ${serviceRole};
grant update (input, erasure_id) on evaluation_failure to ${serviceRole};
grant update (reason, reason_sha256, erasure_id) on decision_override to ${serviceRole};
grant update (subject_ref) on decision_outcome to ${serviceRole};
