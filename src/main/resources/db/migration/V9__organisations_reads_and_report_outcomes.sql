-- Organisations (contract v1.1): the caller's organisation is recorded with each decision and failed evaluation from
-- now on; older records belong to none. The decision's organisation is part of its hash (HashChain appends it to the
-- canonical form when present, so records of no organisation keep the hash they had).
alter table decision add column organisation varchar(64);
alter table evaluation_failure add column organisation varchar(64);

-- Auditors of one organisation search it newest first; records of no organisation need no entry (an installation
-- without organisations pays nothing on append).
create index decision_organisation_time_idx on decision (organisation, decided_at, seq) where organisation is not null;
create index evaluation_failure_organisation_time_idx on evaluation_failure (organisation, failed_at, id);

-- Who looked: reads of a failure's input are kept too, and every read says from which organisation.
alter table audit_read
    add column organisation varchar(64),
    add column failure_id uuid,  -- no foreign key: one would let TRUNCATE fail before the append-only trigger
    alter column decision_id drop not null;
alter table audit_read drop constraint audit_read_action_check;
alter table audit_read add constraint audit_read_action_check check (action in ('READ', 'REPLAY', 'FAILURE'));
alter table audit_read add constraint audit_read_one_record check ((decision_id is null) <> (failure_id is null));
create index audit_read_at_idx on audit_read (at, id);
create index audit_read_actor_idx on audit_read (actor, at);
create index audit_read_failure_idx on audit_read (failure_id) where failure_id is not null;

-- What the programme reports count, one narrow row per family decision, written in the same transaction as the
-- decision (ChainAppend), so a report sees exactly the decisions on record. It holds no input and no reason: the
-- counts stay apart from what a family said.
create table decision_outcome (
    seq               bigint       not null,  -- the decision's; no key of its own: every index costs the append
    decided_at        timestamptz  not null,
    organisation      varchar(64),
    subject_ref       varchar(64)  not null,
    tier              varchar(64),  -- as wide as a conclusion value anywhere in the record (decision_override)
    safe_house        varchar(64),
    stay              varchar(64),
    sons_not_allowed  smallint     not null
);
-- Tiers and transitions walk each family's decisions in time order from this index, without sorting.
create index decision_outcome_family_idx on decision_outcome (organisation, subject_ref, decided_at, seq) include (tier)
    where tier is not null;
create index decision_outcome_safehouse_idx on decision_outcome (decided_at)
    include (organisation, safe_house, stay, sons_not_allowed) where safe_house is not null;

insert into decision_outcome (seq, decided_at, organisation, subject_ref, tier, safe_house, stay, sons_not_allowed)
select d.seq, d.decided_at, d.organisation, d.subject_ref,
       (select c ->> 'value' from json_array_elements(d.response -> 'conclusions') c
         where c ->> 'type' = 'TIER' limit 1),
       (select c ->> 'value' from json_array_elements(d.response -> 'conclusions') c
         where c ->> 'type' = 'SAFE_HOUSE' limit 1),
       (select c ->> 'value' from json_array_elements(d.response -> 'conclusions') c
         where c ->> 'type' = 'STAY' limit 1),
       (select count(*) from json_array_elements(d.response -> 'conclusions') c
         where c ->> 'type' = 'ACCOMPANY' and c ->> 'value' = 'NOT_ALLOWED')
  from decision d
 where d.kind = 'family';

create trigger decision_outcome_append_only before update or delete on decision_outcome
    for each row execute function hamyar_refuse_change();
create trigger decision_outcome_not_truncated before truncate on decision_outcome
    for each statement execute function hamyar_refuse_change();

grant select, insert on decision_outcome to ${serviceRole};

-- The reports read decision_outcome with index-only scans, which need the visibility map current: vacuum this
-- insert-only table after every 1 % of new rows instead of the default 20 %.
alter table decision_outcome set (autovacuum_vacuum_insert_scale_factor = 0.01);
