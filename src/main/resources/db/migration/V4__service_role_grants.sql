-- The service connects as ${serviceRole} and may only read, and append to, the record: no UPDATE, DELETE or TRUNCATE
-- on decisions, audit reads, ruleset events or stored rule files. Its one change of existing rows is a ruleset
-- version's lifecycle (status and who activated it when), which triggers of V2 also police. Migrations run as the
-- owner role, which owns every table; the triggers refuse changes to the record for the owner too.
grant usage on schema public to ${serviceRole};
grant select on all tables in schema public to ${serviceRole};
grant insert on decision, audit_read, ruleset_event, ruleset_version, ruleset_file, ruleset_blob to ${serviceRole};
grant update (status, activated_at, activated_by, report) on ruleset_version to ${serviceRole};
grant usage on all sequences in schema public to ${serviceRole};
