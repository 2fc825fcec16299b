-- Every ruleset that has served: its content hash (the version advice names), who put it live and why, and the full
-- text of its files, so that any stored advice can be traced to the exact rules that produced it.

create table ruleset_version (
    version     varchar(12)   primary key,
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null,
    comment     varchar(2000) not null,
    source      varchar(16)   not null check (source in ('FOLDER', 'PUBLISH'))
);

-- Rule files, decision tables, messages and scenario files of a version, by their path under rules/.
create table ruleset_file (
    version  varchar(12)  not null references ruleset_version (version),
    path     varchar(300) not null,
    content  bytea        not null,
    primary key (version, path)
);

-- Each time a version was made live; the newest row is the live one.
create table ruleset_activation (
    id            bigserial    primary key,
    version       varchar(12)  not null references ruleset_version (version),
    activated_at  timestamptz  not null,
    activated_by  varchar(200) not null,
    reason        varchar(16)  not null check (reason in ('START', 'FOLDER_CHANGE', 'PUBLISH', 'ROLLBACK'))
);
create index ruleset_activation_version on ruleset_activation (version);
