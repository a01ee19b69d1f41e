-- A request the rules could not decide (a rule that keeps re-triggering itself past the firing cap, a consequence
-- that throws) is kept as a failed evaluation: what was asked, by whom, under which ruleset version, which rule and
-- why. No decision exists for it, so it is not on the decision chain; like the chain it is only ever appended to.
create table evaluation_failure (
    id               uuid         primary key,
    kind             varchar(16)  not null check (kind in ('family', 'group', 'helper')),
    subject_ref      varchar(64)  not null,
    assessed_on      date         not null,
    failed_at        timestamptz  not null,
    caller           varchar(64)  not null,
    idempotency_key  varchar(64),
    request_sha256   char(64)     not null,
    ruleset_version  integer      not null references ruleset_version (version),
    ruleset_sha256   char(64)     not null,
    rule             varchar(300),
    reason           text         not null,
    input            text         not null
);
create index evaluation_failure_time_idx on evaluation_failure (failed_at, id);
create index evaluation_failure_ruleset_time_idx on evaluation_failure (ruleset_version, failed_at, id);
create index evaluation_failure_rule_time_idx on evaluation_failure (rule, failed_at, id);

create trigger evaluation_failure_append_only before update or delete on evaluation_failure
    for each row execute function hamyar_refuse_change();
create trigger evaluation_failure_not_truncated before truncate on evaluation_failure
    for each statement execute function hamyar_refuse_change();

grant select, insert on evaluation_failure to ${serviceRole};
