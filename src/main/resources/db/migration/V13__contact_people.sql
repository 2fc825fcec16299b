-- People within an account: a customer (the account) may have contact persons, each with their own time zone, consent
-- per channel and unsubscribe. Contacts and email events may name the person they were with; caps may count per person.
create table contact_person (
    id           bigint primary key,
    external_id  varchar(100) not null unique,
    source_hash  varchar(64)  not null,
    customer_id  bigint       not null references customer (id),
    role         varchar(100),
    has_email    boolean      not null default false,
    has_phone    boolean      not null default false,
    time_zone    varchar(64),
    -- Channels the person has withdrawn consent for, comma-separated (e.g. PHONE,SMS): a hard refusal of every outbound
    -- contact on them.
    consent_withdrawn varchar(200) not null default '',
    -- Unsubscribed from proactive contact: a hard refusal of every contact no exemption covers.
    unsubscribed boolean      not null default false
);
create index contact_person_customer on contact_person (customer_id);

-- The person a contact or an email event was with (null: the account as a whole), and the campaign or message type a
-- contact belongs to (null: none), for caps per person and per campaign.
alter table contact add column person_id bigint references contact_person (id);
alter table contact add column campaign varchar(200);
alter table email_event add column person_id bigint references contact_person (id);

-- A contact check stores the campaign and the person it was asked for, if any.
alter table contact_check add column campaign varchar(200);
alter table contact_check add column person_external_id varchar(100);
