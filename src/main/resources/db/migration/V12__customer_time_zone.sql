-- The customer's IANA time zone (e.g. Europe/Moscow), sent by the CRM: quiet hours and days are the customer's local
-- ones. Null: the advisor's default zone (retention.contact.default-time-zone).
alter table customer add column time_zone varchar(64);
