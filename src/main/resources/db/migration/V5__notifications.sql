-- Where a squad's reports go. target is a webhook address (a secret) or an e-mail address; signing_secret
-- signs generic webhooks (HMAC-SHA256).
create table notification_channel (
    id             varchar(36)   primary key,
    squad_id       varchar(36)   not null references squad (id),
    kind           varchar(10)   not null,
    target         varchar(2048) not null,
    signing_secret varchar(100),
    created_by     varchar(255)  not null references person (id),
    created_at     timestamp with time zone not null,
    constraint ck_notification_channel_kind check (kind in ('DISCORD', 'SLACK', 'TEAMS', 'WEBHOOK', 'EMAIL'))
);
create index ix_notification_channel_squad on notification_channel (squad_id);

-- One message to one channel: a session's report (at most one per channel and session) or a test message.
-- Workers on any node claim due deliveries with a lease, as for the event outbox.
create table notification_delivery (
    id              varchar(36)   primary key,
    squad_id        varchar(36)   not null references squad (id),
    channel_id      varchar(36)   not null references notification_channel (id) on delete cascade,
    session_id      varchar(36)   references health_session (id),
    purpose         varchar(10)   not null,
    status          varchar(10)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    locked_until    timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    constraint uk_notification_delivery_report unique (channel_id, session_id),
    constraint ck_notification_delivery_purpose check (purpose in ('REPORT', 'TEST')),
    constraint ck_notification_delivery_status check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index ix_notification_delivery_due on notification_delivery (status, next_attempt_at);
create index ix_notification_delivery_squad on notification_delivery (squad_id, created_at);
