-- Each attempt at sending a notification, for the delivery log: when, and how it went. A receiver that was down
-- for a while shows every failed try before the one that got through.
create table notification_delivery_attempt (
    id              varchar(36)   primary key,
    delivery_id     varchar(36)   not null references notification_delivery (id) on delete cascade,
    attempt         integer       not null,
    attempted_at    timestamp with time zone not null,
    delivered       boolean       not null,
    error           varchar(1000)
);
create index ix_notification_delivery_attempt on notification_delivery_attempt (delivery_id, attempt);
