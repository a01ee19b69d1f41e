-- A version is what was approved (issue 30, contract v1.2): each version carries an HMAC, under a key derived from
-- the master key, over its number, tree hash, status, author, files and lifecycle events (ruleset/VersionSeals); the
-- service refuses to compile or activate a version whose seal does not verify. V15 seals the versions stored before.
alter table ruleset_version
    add column mac     bytea,
    add column mac_key varchar(16);
grant update (mac, mac_key) on ruleset_version to ${serviceRole};

-- What the service must never do, refused by the database itself whatever role asks.
-- 1. A blob's content is what its name says.
alter table ruleset_blob add constraint ruleset_blob_content_is_its_hash
    check (sha256 = encode(sha256(content), 'hex'));

-- 2. A version's files are exactly the tree its sha256 names (the sha256sum manifest of its files, sorted by path),
--    checked when the transaction that adds them commits: files cannot be added to an existing tree.
create function hamyar_ruleset_files_match_tree() returns trigger language plpgsql as $$
declare
    manifest text;
begin
    select string_agg(f.sha256 || '  ' || f.path || E'\n', '' order by f.path collate "C") into manifest
    from ruleset_file f where f.version = new.version;
    if (select v.sha256 from ruleset_version v where v.version = new.version)
            <> encode(sha256(convert_to(manifest, 'UTF8')), 'hex') then
        raise exception 'the files of ruleset version % are not the tree its sha256 names', new.version
            using errcode = 'insufficient_privilege';
    end if;
    return null;
end
$$;
create constraint trigger ruleset_files_match_tree after insert on ruleset_file
    deferrable initially deferred for each row execute function hamyar_ruleset_files_match_tree();

-- 3. A DRAFT becomes ACTIVE only with the approvals the installation requires, each by a user other than its author;
--    only the installation's very first activation (the shipped rules, at the first start) needs none. How many is the owner's to say (DatabaseBootstrap writes hamyar.rules.approvals-required here as the owner at
--    every start); the service role may read it, never change it.
create table ruleset_policy (
    singleton          boolean primary key default true check (singleton),
    approvals_required integer not null check (approvals_required >= 0)
);
insert into ruleset_policy (approvals_required) values (1);
grant select on ruleset_policy to ${serviceRole};

create function hamyar_ruleset_activation_approved() returns trigger language plpgsql as $$
declare
    required integer;
    approvals integer;
begin
    if old.status = 'DRAFT' and new.status = 'ACTIVE'
            and exists (select 1 from ruleset_event e where e.action in ('ACTIVATED', 'ROLLED_BACK')) then
        select approvals_required into required from ruleset_policy;
        select count(distinct e.actor) into approvals from ruleset_event e
        where e.version = new.version and e.action = 'APPROVED' and e.actor <> new.created_by;
        if approvals < coalesce(required, 1) then
            raise exception 'ruleset version % has % of the % approval(s) required to be activated',
                new.version, approvals, coalesce(required, 1)
                using errcode = 'insufficient_privilege';
        end if;
    end if;
    return new;
end
$$;
create trigger ruleset_version_activation_approved before update on ruleset_version
    for each row execute function hamyar_ruleset_activation_approved();

-- 4. A version is stored ACTIVE only by the installation's first activation; every later one goes through the above.
create function hamyar_ruleset_version_inserted() returns trigger language plpgsql as $$
begin
    if new.status = 'ACTIVE'
            and exists (select 1 from ruleset_event e where e.action in ('ACTIVATED', 'ROLLED_BACK')) then
        raise exception 'a ruleset version cannot be stored as ACTIVE: it is activated after its approvals'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger ruleset_version_inserted before insert on ruleset_version
    for each row execute function hamyar_ruleset_version_inserted();
