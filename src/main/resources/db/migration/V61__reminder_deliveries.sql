-- A channel gets one report and one reminder per session: the unique rule now includes the purpose.
alter table notification_delivery drop constraint uk_notification_delivery_report;
alter table notification_delivery add constraint uk_notification_delivery_once unique (channel_id, session_id, purpose);
alter table notification_delivery drop constraint ck_notification_delivery_purpose;
alter table notification_delivery add constraint ck_notification_delivery_purpose
    check (purpose in ('REPORT', 'TEST', 'REMINDER'));
-- CANCELLED: not sent because it no longer applies (its session was discarded, or is over before a reminder went).
alter table notification_delivery drop constraint ck_notification_delivery_status;
alter table notification_delivery add constraint ck_notification_delivery_status
    check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'));

-- Sessions whose reminder went out: the reminder handler may run again (a node died after sending), and this row
-- makes a second run send nothing. It names no one: who was reminded is not kept.
create table session_reminder_sent (
    session_id      varchar(36)   primary key references health_session (id),
    members         integer       not null,
    yet_to_vote     integer       not null,
    sent_at         timestamp with time zone not null
);
