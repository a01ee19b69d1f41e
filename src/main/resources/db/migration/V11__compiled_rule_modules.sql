-- Compiled rules kept between starts (issue 16): the KieModule a tree compiled to (the classes Drools' executable
-- model generated), keyed by the tree's sha256, the Drools version that compiled it and Hamyar's build (the classes
-- call the fact classes of that build). A replica that starts loads the module of its active version instead of
-- compiling it again. The bytes are classes the service will run, so each row carries an HMAC under a key derived
-- from the master key, and a row that does not authenticate is compiled again and replaced. Not part of the record:
-- a cache the service may fill, replace and prune (a module unused for 30 days).
create table compiled_module (
    tree_sha256    text        not null,
    drools_version text        not null,
    build          text        not null,
    module         bytea       not null,
    mac            bytea       not null,
    compiled_ms    integer     not null,
    created_at     timestamptz not null default now(),
    used_at        timestamptz not null default now(),
    primary key (tree_sha256, drools_version, build)
);
-- The bytes are compiled classes, already deflated inside their jar: storing them compressed again gains nothing.
alter table compiled_module alter column module set storage external;

grant select, insert, update, delete on compiled_module to ${serviceRole};
