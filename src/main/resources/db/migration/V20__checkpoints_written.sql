-- Checkpoints written, as each writer (a host and its file) wrote them: the file is verified against every line, and a
-- file missing or shortened since is reported unverified rather than valid (issue 32).
create table audit_checkpoint (
    writer      varchar(512)  not null,
    n           bigint        not null,
    hmac        char(64)      not null,
    written_at  timestamptz   not null default clock_timestamp(),
    primary key (writer, n)
);
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function hamyar_refuse_change();
create trigger audit_checkpoint_not_truncated before truncate on audit_checkpoint
    for each statement execute function hamyar_refuse_change();
grant select, insert on audit_checkpoint to ${serviceRole};
