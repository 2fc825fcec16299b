-- Every contact check answered (POST /api/customers/{id}/contact-check): when it was answered, for which as-of instant,
-- what was asked, the answer with the rules that refused it, and the ruleset version. Written in the check's own
-- transaction; the over-contact refusals KPI counts these rows.

create sequence contact_check_seq increment by 50;

create table contact_check (
    id               bigint primary key,
    customer_id      bigint      not null references customer (id),
    checked_at       timestamptz not null,
    as_of            timestamptz not null,
    channel          varchar(16) not null check (channel in ('EMAIL', 'PHONE', 'MEETING', 'MESSENGER', 'CHAT', 'SMS', 'EVENT')),
    purpose          varchar(16) not null check (purpose in ('SALES', 'VALUE', 'SERVICE', 'SURVEY', 'TRANSACTIONAL')),
    direction        varchar(16) not null check (direction in ('OUTBOUND', 'INBOUND')),
    allowed          boolean     not null,
    -- What refused it, one element per refusal: [{"rule": "A sales contact is refused when …", "code": "SALES_TALK_RATIO"}].
    refusals         jsonb       not null,
    ruleset_version  varchar(64) not null,
    check (allowed = (jsonb_array_length(refusals) = 0))
);
create index contact_check_time on contact_check (checked_at);
create index contact_check_customer_time on contact_check (customer_id, checked_at);
