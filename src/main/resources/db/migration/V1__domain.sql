-- Retention Advisor: the customer history pushed by CRMs, and the advice given on it.
-- Every ingested record is keyed by the CRM's external id; times are UTC instants (timestamptz), money is exact.

create sequence ingested_record_seq increment by 50;
create sequence advice_seq increment by 50;

create table manager (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    name         varchar(200) not null,
    email        varchar(320)
);

create table customer (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    name         varchar(300) not null,
    segment      varchar(40)  not null,
    created_at   timestamptz  not null,
    status       varchar(16)  not null check (status in ('ACTIVE', 'CHURNED')),
    stage        varchar(16)  check (stage in ('AWARENESS', 'EXPLORATION', 'EXPANSION', 'COMMITMENT', 'DISSOLUTION')),
    birthday     date,
    manager_id   bigint references manager (id)
);
create index customer_manager on customer (manager_id);

-- Who owned the account when; a new row starting after an earlier one is a manager change.
create table manager_assignment (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    customer_id  bigint       not null references customer (id),
    manager_id   bigint       not null references manager (id),
    starts_at    timestamptz  not null,
    ends_at      timestamptz,
    handover     boolean      not null,
    check (ends_at is null or ends_at >= starts_at)
);
create index manager_assignment_customer_time on manager_assignment (customer_id, starts_at);

create table contact (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    customer_id  bigint       not null references customer (id),
    manager_id   bigint references manager (id),
    occurred_at  timestamptz  not null,
    channel      varchar(16)  not null check (channel in ('EMAIL', 'PHONE', 'MEETING', 'MESSENGER', 'CHAT', 'SMS', 'EVENT')),
    direction    varchar(16)  not null check (direction in ('OUTBOUND', 'INBOUND')),
    purpose      varchar(16)  not null check (purpose in ('SALES', 'VALUE', 'SERVICE', 'SURVEY', 'TRANSACTIONAL')),
    outcome      varchar(500)
);
create index contact_customer_time on contact (customer_id, occurred_at);

-- Deals; a WON deal is an order.
create table deal (
    id           bigint primary key,
    external_id  varchar(100)   not null unique,
    source_hash  varchar(64)    not null,
    customer_id  bigint         not null references customer (id),
    amount       numeric(19, 4) not null check (amount >= 0),
    currency     varchar(3)     not null,
    status       varchar(8)     not null check (status in ('WON', 'LOST', 'OPEN')),
    opened_at    timestamptz    not null,
    closed_at    timestamptz,
    product_line varchar(100),
    check (closed_at is null or closed_at >= opened_at)
);
create index deal_customer_closed on deal (customer_id, status, closed_at);

create table subscription (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    customer_id  bigint       not null references customer (id),
    product      varchar(200) not null,
    starts_on    date         not null,
    ends_on      date,
    auto_renew   boolean      not null,
    annual       boolean      not null,
    check (ends_on is null or ends_on >= starts_on)
);
create index subscription_customer_end on subscription (customer_id, ends_on);

create table survey_response (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    customer_id  bigint       not null references customer (id),
    answered_at  timestamptz  not null,
    nps          smallint check (nps between 0 and 10),
    csat         smallint check (csat between 1 and 5),
    comment      text
);
create index survey_response_customer_time on survey_response (customer_id, answered_at);

create table email_event (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    customer_id  bigint       not null references customer (id),
    occurred_at  timestamptz  not null,
    type         varchar(16)  not null check (type in ('SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'UNSUBSCRIBED')),
    campaign     varchar(200) not null
);
create index email_event_customer_time on email_event (customer_id, occurred_at);
create index email_event_customer_campaign on email_event (customer_id, campaign);

-- Every advice given, with the ruleset version and the rules that fired, for audit.
create table advice (
    id              bigint primary key,
    customer_id     bigint      not null references customer (id),
    as_of           timestamptz not null,
    evaluated_at    timestamptz not null,
    risk_score      integer     not null,
    risk_level      varchar(16),
    stage           varchar(16),
    ruleset_version varchar(64) not null,
    fired_rules     jsonb       not null,
    body            jsonb       not null
);
create index advice_customer_time on advice (customer_id, evaluated_at);
