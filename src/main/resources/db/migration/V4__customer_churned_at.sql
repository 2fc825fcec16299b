-- When a customer churned: sent by the CRM, or the time of the first ingest that saw an active customer churned.
-- Null while the customer is active, and for customers who were churned before anyone recorded when.
alter table customer add column churned_at timestamptz;
alter table customer add constraint customer_churned_at_only_when_churned check (churned_at is null or status = 'CHURNED');
create index customer_churned_at on customer (churned_at) where churned_at is not null;
