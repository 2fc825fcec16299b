-- Who may call the advisor (issue 6): machines with API keys, people with a password. Neither secret is stored: an
-- API key is kept as the SHA-256 of the key (a key is 32 random bytes, so a fast hash is enough) and found by its
-- first characters, a password as a bcrypt hash. Each caller has one role (admin may do everything the others may);
-- a manager caller is tied to the manager whose customers it sees.

create sequence api_key_seq;

create table api_key (
    id                  bigint        primary key,
    name                varchar(100)  not null,
    role                varchar(20)   not null check (role in ('crm', 'analyst', 'manager', 'admin')),
    -- The key's first 12 characters, shown in lists to tell keys apart and used to find the row.
    prefix              varchar(12)   not null,
    key_hash            bytea         not null unique check (length(key_hash) = 32),
    manager_external_id varchar(100),
    created_at          timestamptz   not null,
    created_by          varchar(120),
    revoked_at          timestamptz,
    last_used_at        timestamptz,
    check ((role = 'manager') = (manager_external_id is not null))
);
-- One active key per name, so that a name in the audit log means one key.
create unique index api_key_active_name on api_key (name) where revoked_at is null;
create index api_key_prefix on api_key (prefix) where revoked_at is null;

create sequence app_user_seq;

create table app_user (
    id                  bigint        primary key,
    username            varchar(100)  not null unique,
    password_hash       varchar(100)  not null,
    role                varchar(20)   not null check (role in ('crm', 'analyst', 'manager', 'admin')),
    manager_external_id varchar(100),
    created_at          timestamptz   not null,
    created_by          varchar(120),
    disabled_at         timestamptz,
    check ((role = 'manager') = (manager_external_id is not null))
);
