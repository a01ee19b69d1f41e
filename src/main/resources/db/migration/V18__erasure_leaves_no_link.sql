-- Erasure that leaves no link (contract v1.2, "Privacy changes").
--
-- 1. Subjects are per organisation: the same ref in two organisations is two subjects, each with its own data key,
--    and an erasure by one never touches the other's. A key made before this migration belongs to the one
--    organisation whose records it sealed; a key that sealed records of two organisations is marked shared: no new
--    record is sealed under it, and erasing one organisation's subject leaves it (docs/security.md, residual risks).
alter table subject_key
    add column organisation varchar(64),
    add column shared boolean not null default false;
alter table subject_key disable trigger subject_key_guard;
with used (key_id, organisation) as (
    select key_id, organisation from decision where key_id is not null
    union select key_id, organisation from evaluation_failure where key_id is not null
    union select o.key_id, d.organisation from decision_override o join decision d on d.id = o.decision_id
     where o.key_id is not null),
owners as (select key_id, min(organisation) organisation, count(*) organisations from used group by key_id)
update subject_key k
   set organisation = owners.organisation, shared = owners.organisations > 1
  from owners
 where owners.key_id = k.id;
alter table subject_key enable trigger subject_key_guard;
drop index subject_key_live_idx;
create unique index subject_key_live_idx on subject_key ((coalesce(organisation, '')), subject_ref)
    where wrapped is not null and not shared;

create or replace function hamyar_subject_key_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.id = old.id and new.subject_ref = old.subject_ref
            and new.created_at = old.created_at and old.wrapped is not null
            and new.organisation is not distinct from old.organisation and new.shared = old.shared
            and (new.wrapped is null and new.erasure_id is not null  -- erased
                 or new.wrapped is not null and new.erasure_id is null) then  -- wrapped again under a new master key
        return new;
    end if;
    raise exception '% on subject_key is not allowed: a data key is only ever rewrapped or erased', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

alter table erasure add column organisation varchar(64);
drop index erasure_subject_idx;
create index erasure_subject_idx on erasure (subject_ref, organisation, erased_at);

-- 2. What fired is sealed with the rest. A decision of chain form 3 keeps its fired rules only inside its sealed
--    answer (the chain covers the ciphertext) and its canonical form is length-prefixed (HashChain); its request hash
--    is an HMAC under the subject's data key, so that once the key is gone it confirms no guessed profile. The
--    numbers of its fired rules stay beside it for the audit search while she is on record, and an erasure wipes
--    them. A record of an earlier form hashed the names of its fired rules: erasing it seals those names under a key
--    of the erasure's own (wrapped under the master key, like a data key), which only the service opens, to verify
--    the chain.
alter table decision
    add column chain_form smallint,
    add column erased_fired_rules bytea;
alter table decision drop constraint decision_plain_or_sealed;
alter table decision add constraint decision_plain_or_sealed check (
    key_id is null or (input is null and response is null and sealed_input is not null
                       and sealed_response is not null and (fired_rule_ids is not null or erasure_id is not null)));
alter table erasure
    add column rules_key_id uuid,
    add column rules_key_wrapped bytea,
    add column rules_key_master char(16);
create or replace function hamyar_erasure_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.rules_key_wrapped is not null and new.rules_key_wrapped is not null
            and (to_jsonb(new) - array['rules_key_wrapped', 'rules_key_master'])
                = (to_jsonb(old) - array['rules_key_wrapped', 'rules_key_master']) then
        return new;  -- wrapped again under a new master key
    end if;
    raise exception '% on erasure is not allowed: an erasure is only ever appended', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
drop trigger erasure_append_only on erasure;
create trigger erasure_only_rewrapped before update or delete on erasure
    for each row execute function hamyar_erasure_guard();

create or replace function hamyar_decision_forget() returns trigger language plpgsql as $$
declare
    kept constant text[] := array['input', 'response', 'input_sha256', 'response_sha256', 'concluded_ids',
                                  'fired_rule_ids', 'erased_fired_rules', 'erasure_id'];
begin
    if tg_op = 'UPDATE' and old.erasure_id is null and new.erasure_id is not null and new.concluded_ids is null
            and new.fired_rule_ids is null and new.input is null and new.response is null
            and (old.key_id is null or old.chain_form is not null or old.fired_rule_ids is null
                 or new.erased_fired_rules is not null)
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

-- 3. Rule statistics keep counting an erased subject's decisions: counts per day, organisation and rule, apart from
--    any decision or ref (each writer lane its own rows, so lanes never wait on each other's counters).
create table rule_firing_count (
    day           date         not null,
    organisation  varchar(64),
    rule_id       integer      not null,
    lane          smallint     not null,
    firings       bigint       not null,
    decisions     bigint       not null
);
create unique index rule_firing_count_key on rule_firing_count (day, (coalesce(organisation, '')), rule_id, lane);
insert into rule_firing_count (day, organisation, rule_id, lane, firings, decisions)
select (d.decided_at at time zone 'Asia/Tehran')::date, d.organisation, f.id, 0, count(*), count(distinct d.id)
  from decision d cross join unnest(d.fired_rule_ids) f (id)
 group by 1, 2, 3;
create or replace function hamyar_rule_firing_count_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.day = old.day and new.organisation is not distinct from old.organisation
            and new.rule_id = old.rule_id and new.lane = old.lane
            and new.firings >= old.firings and new.decisions >= old.decisions then
        return new;  -- counted on
    end if;
    raise exception '% on rule_firing_count is not allowed: counts only grow', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger rule_firing_count_only_grows before update or delete on rule_firing_count
    for each row execute function hamyar_rule_firing_count_guard();
create trigger rule_firing_count_not_truncated before truncate on rule_firing_count
    for each statement execute function hamyar_refuse_change();

-- 4. What the reports count, with no link back: a family is a pseudonym under her data key (no ref), a decision's time
--    the first day of its Solar Hijri month (no instant), its order among her decisions a number of her own (no seq).
--    V19 moves decision_outcome's rows here (it needs the data keys and the Solar Hijri calendar) and drops it.
create table report_outcome (
    organisation      varchar(64),
    family            bytea        not null,
    month             date         not null,
    n                 integer      not null,
    tier              varchar(64),
    safe_house        varchar(64),
    stay              varchar(64),
    sons_not_allowed  smallint     not null,
    home_visit_month  date
);
create index report_outcome_family_idx on report_outcome (family, n);
create index report_outcome_tiers_idx on report_outcome (organisation, family, n) include (month, tier)
    where tier is not null;
create index report_outcome_safehouse_idx on report_outcome (month)
    include (organisation, safe_house, stay, sons_not_allowed) where safe_house is not null;
create index report_outcome_visits_idx on report_outcome (home_visit_month) include (organisation, family)
    where home_visit_month is not null;
create trigger report_outcome_append_only before update or delete on report_outcome
    for each row execute function hamyar_refuse_change();
create trigger report_outcome_not_truncated before truncate on report_outcome
    for each statement execute function hamyar_refuse_change();
grant select, insert on report_outcome to ${serviceRole};

-- What erasing a subject of an earlier chain form leaves is wiped the same way: her fired rules' numbers.
alter table decision disable trigger decision_only_erased;
update decision set fired_rule_ids = null where erasure_id is not null and (key_id is null or chain_form is not null);
alter table decision enable trigger decision_only_erased;

grant select, insert on rule_firing_count to ${serviceRole};
grant update (firings, decisions) on rule_firing_count to ${serviceRole};
grant update (fired_rule_ids, erased_fired_rules) on decision to ${serviceRole};
grant update (rules_key_wrapped, rules_key_master) on erasure to ${serviceRole};
