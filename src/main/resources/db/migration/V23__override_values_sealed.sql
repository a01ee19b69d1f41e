-- An override of chain form 4 (issue 32) keeps what it changed (type, subject, from, to, rule) inside its sealed text
-- with the reason, and the chain covers that ciphertext: erasing its subject also wipes the clear copies the audit
-- search reads, so nothing of what she was decided stays beside her decision.
alter table decision_override
    alter column type drop not null,
    alter column value_from drop not null,
    alter column value_to drop not null;

create or replace function hamyar_override_forget() returns trigger language plpgsql as $$
declare
    kept text[] := array['reason', 'reason_sha256', 'erasure_id'];
begin
    if tg_op = 'UPDATE' and old.chain_form = 4 then
        kept := kept || array['type', 'subject', 'value_from', 'value_to', 'rule'];
    end if;
    if tg_op = 'UPDATE' and old.erasure_id is null and new.erasure_id is not null and new.reason is null
            and (old.chain_form is distinct from 4
                 or (new.type is null and new.subject is null and new.value_from is null and new.value_to is null
                     and new.rule is null))
            and (to_jsonb(new) - kept) = (to_jsonb(old) - kept)
            and new.reason_sha256 is not distinct from
                coalesce(encode(sha256(convert_to(old.reason, 'UTF8')), 'hex'), old.reason_sha256) then
        return new;
    end if;
    raise exception '% on decision_override is not allowed: an override is only ever erased', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

grant update (type, subject, value_from, value_to, rule) on decision_override to ${serviceRole};
