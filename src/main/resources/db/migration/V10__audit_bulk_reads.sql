-- Bulk reads are audited too, one entry per call: an advice query (POST /api/advice/query, the customers read in its
-- detail) and an audience check (POST /api/contact-checks, the intended contact and the counts in its detail).
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in ('RULESET_PUBLISHED', 'RULESET_ROLLED_BACK',
    'RECOMMENDATION_ACCEPTED', 'RECOMMENDATION_DONE', 'RECOMMENDATION_DISMISSED', 'CUSTOMER_CARD_READ',
    'ADVICE_QUERIED', 'AUDIENCE_CHECKED'));
