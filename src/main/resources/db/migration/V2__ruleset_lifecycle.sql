-- Ruleset versions become whole, immutable rule trees with a lifecycle: DRAFT -> ACTIVE -> RETIRED (-> ACTIVE again:
-- a rollback), or REJECTED when a draft does not compile or its scenarios fail. Rows from before this migration kept
-- no files: they become RETIRED and cannot be activated again.
alter table ruleset_version
    add column status       varchar(8)    not null default 'RETIRED'
        check (status in ('DRAFT', 'ACTIVE', 'RETIRED', 'REJECTED')),
    add column created_by   varchar(64)   not null default 'system',
    add column comment      varchar(1000),
    add column activated_at timestamptz,
    add column activated_by varchar(64),
    add column report       json;
alter table ruleset_version alter column status drop default;
alter table ruleset_version alter column created_by drop default;

-- At most one version is active: activation retires the previous one in the same transaction.
create unique index ruleset_version_one_active on ruleset_version (status) where status = 'ACTIVE';

-- File contents, stored once by their sha256 however many versions share them.
create table ruleset_blob (
    sha256   char(64) primary key,
    content  bytea    not null
);

-- The tree of each version: relative path -> content.
create table ruleset_file (
    version  integer      not null references ruleset_version (version),
    path     varchar(300) not null,
    sha256   char(64)     not null references ruleset_blob (sha256),
    primary key (version, path)
);

-- Who created, rejected, activated or rolled back which version, when and why. Append-only.
create table ruleset_event (
    id                bigint        generated always as identity primary key,
    at                timestamptz   not null default clock_timestamp(),
    actor             varchar(64)   not null,
    action            varchar(12)   not null check (action in ('CREATED', 'REJECTED', 'ACTIVATED', 'ROLLED_BACK')),
    version           integer       not null references ruleset_version (version),
    previous_version  integer       references ruleset_version (version),
    comment           varchar(1000)
);
create index ruleset_event_at_idx on ruleset_event (at);
create index ruleset_event_version_idx on ruleset_event (version);

create function hamyar_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% on % is not allowed: ruleset history is immutable', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger ruleset_blob_immutable before update or delete on ruleset_blob
    for each row execute function hamyar_refuse_change();
create trigger ruleset_file_immutable before update or delete on ruleset_file
    for each row execute function hamyar_refuse_change();
create trigger ruleset_event_append_only before update or delete on ruleset_event
    for each row execute function hamyar_refuse_change();
create trigger ruleset_version_kept before delete on ruleset_version
    for each row execute function hamyar_refuse_change();

-- Only the lifecycle may change on a version: its status (along allowed transitions) and who activated it when.
create function hamyar_ruleset_version_guard() returns trigger language plpgsql as $$
begin
    if new.sha256 <> old.sha256 or new.created_at <> old.created_at or new.created_by <> old.created_by
            or new.source <> old.source or new.comment is distinct from old.comment
            or (old.report is not null and new.report::text is distinct from old.report::text) then
        raise exception 'a ruleset version''s content and origin are immutable'
            using errcode = 'insufficient_privilege';
    end if;
    if new.status <> old.status and not (
            (old.status = 'DRAFT' and new.status = 'ACTIVE')
            or (old.status = 'ACTIVE' and new.status = 'RETIRED')
            or (old.status = 'RETIRED' and new.status = 'ACTIVE')) then
        raise exception 'a ruleset version cannot go from % to %', old.status, new.status
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;

create trigger ruleset_version_lifecycle before update on ruleset_version
    for each row execute function hamyar_ruleset_version_guard();
