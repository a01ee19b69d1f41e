-- A decision's fired rules and concluded terms (kept beside its sealed answer for the audit search, and the rules for
-- the chain) took half of its row as text, and their GIN entries most of the index writes of an append. They are now
-- numbers of search_term, which only grows; the chain still covers the rules' names, read back through it.

create table search_term (
    id   integer generated always as identity primary key,
    term text not null unique
);
create trigger search_term_append_only before update or delete on search_term
    for each row execute function hamyar_refuse_change();
create trigger search_term_not_truncated before truncate on search_term
    for each statement execute function hamyar_refuse_change();

alter table decision
    add column fired_rule_ids integer[],
    add column concluded_ids  integer[];

insert into search_term (term)
select term from (select unnest(fired_rules) from decision union select unnest(concluded) from decision) t (term)
 where term is not null
 order by term;

-- The one rewrite of recorded decisions this migration makes: the same terms, by number.
alter table decision disable trigger decision_only_erased;
update decision d
   set fired_rule_ids = case when d.fired_rules is not null then array(
           select s.id from unnest(d.fired_rules) with ordinality f (term, n) join search_term s on s.term = f.term
            order by f.n) end,
       concluded_ids = case when d.concluded is not null then array(
           select s.id from unnest(d.concluded) c (term) join search_term s on s.term = c.term order by s.id) end
 where d.fired_rules is not null or d.concluded is not null;
alter table decision enable trigger decision_only_erased;

alter table decision drop constraint decision_plain_or_sealed;
alter table decision drop column fired_rules, drop column concluded;
alter table decision add constraint decision_plain_or_sealed check (
    key_id is null or (input is null and response is null and sealed_input is not null
                       and sealed_response is not null and fired_rule_ids is not null));
create index decision_search_idx on decision using gin (fired_rule_ids, concluded_ids);

-- As in V10, with the conclusions' numbers in place of their text.
create or replace function hamyar_decision_forget() returns trigger language plpgsql as $$
declare
    kept constant text[] := array['input', 'response', 'input_sha256', 'response_sha256', 'concluded_ids',
                                  'erasure_id'];
begin
    if tg_op = 'UPDATE' and old.erasure_id is null and new.erasure_id is not null and new.concluded_ids is null
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

grant select, insert on search_term to ${serviceRole};
grant update (concluded_ids) on decision to ${serviceRole};
