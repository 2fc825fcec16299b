-- What the CRM is told by webhook (issue 5). Events are written to an outbox in the transaction of the evaluation that
-- caused them, so an event is queued if and only if the evaluation commits; a worker delivers them, locking each row
-- with "for update skip locked" so that two instances never send the same row. The idempotency key (e.g.
-- recommendation:<id>, digest:<manager>:<date>) keeps the same event from being queued twice, restart or not.

create sequence notification_outbox_seq;

create table notification_outbox (
    id              bigint        primary key,
    event_type      varchar(40)   not null check (event_type in ('RISK_LEVEL_ROSE', 'HIGH_PRIORITY_RECOMMENDATION', 'DAILY_DIGEST')),
    idempotency_key varchar(200)  not null unique,
    payload         jsonb         not null,
    created_at      timestamptz   not null,
    next_attempt_at timestamptz   not null,
    attempts        int           not null default 0 check (attempts >= 0),
    status          varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    last_error      varchar(1000),
    delivered_at    timestamptz,
    check ((status = 'DELIVERED') = (delivered_at is not null))
);
-- The worker's question: which pending rows are due, oldest first.
create index notification_outbox_due on notification_outbox (next_attempt_at, id) where status = 'PENDING';
create index notification_outbox_listed on notification_outbox (status, id desc);

-- One row per attempt to deliver an outbox row: when, what the CRM answered (or what failed), how long it took.
create sequence notification_delivery_seq increment by 50;

create table notification_delivery (
    id           bigint        primary key,
    outbox_id    bigint        not null references notification_outbox (id),
    attempt      int           not null check (attempt >= 1),
    attempted_at timestamptz   not null,
    http_status  int,
    error        varchar(1000),
    duration_ms  int           not null check (duration_ms >= 0),
    unique (outbox_id, attempt)
);
