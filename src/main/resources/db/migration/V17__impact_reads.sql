-- Who looked (contract v1.2): an auditor shown the decisions a draft would change has read them.
alter table audit_read drop constraint audit_read_action_check;
alter table audit_read add constraint audit_read_action_check
    check (action in ('READ', 'REPLAY', 'FAILURE', 'IMPACT'));
