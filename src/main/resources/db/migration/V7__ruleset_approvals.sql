-- Four eyes: a policy user other than a draft's author approves it before it may be activated. Each approval is a
-- ruleset event (APPROVED), so the approvals of a version are read from the same append-only log as its lifecycle.
alter table ruleset_event drop constraint ruleset_event_action_check;
alter table ruleset_event add constraint ruleset_event_action_check
    check (action in ('CREATED', 'REJECTED', 'APPROVED', 'ACTIVATED', 'ROLLED_BACK'));
create index ruleset_event_approvals_idx on ruleset_event (version) where action = 'APPROVED';
