-- The export reads advice in (evaluated_at, id) order from a cursor, and asks of each row whether the customer has a
-- newer one: an index for each, so that a night's small sync does not scan the whole history.
create index advice_evaluated_at_id on advice (evaluated_at, id);
drop index advice_customer_time;
create index advice_customer_time on advice (customer_id, evaluated_at, id);
-- The export is audited like the other bulk reads.
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in ('RULESET_PUBLISHED', 'RULESET_ROLLED_BACK',
    'RECOMMENDATION_ACCEPTED', 'RECOMMENDATION_DONE', 'RECOMMENDATION_DISMISSED', 'CUSTOMER_CARD_READ',
    'ADVICE_QUERIED', 'AUDIENCE_CHECKED', 'ADVICE_EXPORTED'));
