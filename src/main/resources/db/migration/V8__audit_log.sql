-- Who did what to whom (issue 6): rulesets published and rolled back, recommendations accepted, done and dismissed,
-- customer cards read. Written in the transaction of what it records, so a row exists if and only if the act
-- happened; rows are only ever added. The actor is the signed-in user once there is authentication, until then the
-- name the API was given (publishedBy, rolledBackBy) or "anonymous".

create sequence audit_log_seq increment by 50;

create table audit_log (
    id          bigint       primary key,
    at          timestamptz  not null,
    actor       varchar(200) not null,
    action      varchar(40)  not null check (action in ('RULESET_PUBLISHED', 'RULESET_ROLLED_BACK',
                    'RECOMMENDATION_ACCEPTED', 'RECOMMENDATION_DONE', 'RECOMMENDATION_DISMISSED', 'CUSTOMER_CARD_READ')),
    -- What it was done to: a customer's external id, or a ruleset version.
    subject     varchar(200) not null,
    -- The X-Request-Id of the request that did it, to find it in the log.
    request_id  varchar(64),
    -- The particulars, e.g. {"via": "GET /api/customers/{externalId}/advice"} or {"recommendationId": 7, "reason": "OTHER"}.
    detail      jsonb        not null
);
-- GET /api/audit: newest first, narrowed by subject or action and a time window.
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_subject_at on audit_log (subject, at desc);
create index audit_log_action_at on audit_log (action, at desc);
