-- Signing out of the console ends a person's sessions on the server (issue 32): the sign-in cookies keep nothing on
-- the server, so each sign-out is noted here and a session begun before its person's latest one is refused.
create table console_sign_out (
    user_name  varchar(256)  not null,
    at         timestamptz   not null
);
create index console_sign_out_user_idx on console_sign_out (user_name, at);
create trigger console_sign_out_append_only before update or delete on console_sign_out
    for each row execute function hamyar_refuse_change();
grant select, insert on console_sign_out to ${serviceRole};
