-- Actions the advice proposes, as work for a manager or a team: proposed → accepted → done | dismissed | expired.
-- One open recommendation (proposed or accepted) per customer and action: a re-evaluation updates it, never doubles it.

create sequence recommendation_seq increment by 50;

create table recommendation (
    id              bigint        primary key,
    customer_id     bigint        not null references customer (id),
    action_code     varchar(60)   not null,
    purpose         varchar(16)   not null,
    owner_manager_id bigint       references manager (id),
    owner_team      varchar(60),
    status          varchar(16)   not null check (status in ('PROPOSED', 'ACCEPTED', 'DONE', 'DISMISSED', 'EXPIRED')),
    priority        int           not null,
    rank            int           not null,
    title           varchar(300)  not null,
    reason          varchar(1000) not null,
    rule            varchar(300)  not null,
    risk_level      varchar(16),
    stage           varchar(16),
    ruleset_version varchar(12)   not null,
    proposed_at     timestamptz   not null,
    due_at          timestamptz   not null,
    updated_at      timestamptz   not null,
    closed_at       timestamptz,
    dismiss_reason  varchar(30),
    note            varchar(2000),
    check (closed_at is null or closed_at >= proposed_at)
);
create unique index recommendation_one_open on recommendation (customer_id, action_code) where status in ('PROPOSED', 'ACCEPTED');
create index recommendation_owner_open on recommendation (owner_manager_id, status, rank desc);
create index recommendation_customer on recommendation (customer_id, updated_at);
