-- Data the full rule catalog needs: support tickets (complaints and problems), operator-set global facts
-- (e.g. a market crisis), when an inbound request was answered, who referred a customer, and CSI factor scores.

create table ticket (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    customer_id  bigint       not null references customer (id),
    opened_at    timestamptz  not null,
    closed_at    timestamptz,
    kind         varchar(16)  not null check (kind in ('COMPLAINT', 'QUESTION', 'INCIDENT')),
    severity     varchar(16)  not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    check (closed_at is null or closed_at >= opened_at)
);
create index ticket_customer_time on ticket (customer_id, opened_at);

-- A fact about the whole market, set and cleared by an operator; every evaluation sees the active ones.
create table global_fact (
    name        varchar(60)  primary key,
    active      boolean      not null,
    note        varchar(500),
    changed_at  timestamptz  not null,
    changed_by  varchar(100)
);

alter table contact add column responded_at timestamptz;
alter table contact add constraint contact_responded_after_occurred check (responded_at is null or responded_at >= occurred_at);

alter table customer add column referred_by_id bigint references customer (id);
create index customer_referred_by on customer (referred_by_id);

-- CSI: the survey's factor scores [{"factor": "delivery", "score": 4, "weight": 0.3}, ...]; the CSI is their weighted mean.
alter table survey_response add column factors jsonb;
