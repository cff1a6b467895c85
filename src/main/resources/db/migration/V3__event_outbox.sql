-- Transactional outbox. A domain change records, in its own transaction, one row per durable handler of each
-- event it raises. Without Redis, workers on every node claim due rows here (a lease in locked_until, so a
-- crashed node's work is taken over once the lease runs out) and run the handler. With Redis, a relay moves
-- pending rows to a Redis stream (status RELAYED) and the stream's consumer group does the rest.
create table event_outbox (
    id              varchar(36)   primary key,
    event_type      varchar(200)  not null,
    payload         varchar(8000) not null,
    handler         varchar(100)  not null,
    status          varchar(10)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    locked_until    timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone,
    constraint ck_event_outbox_status check (status in ('PENDING', 'RELAYED', 'DONE', 'DEAD'))
);
create index ix_event_outbox_due on event_outbox (status, next_attempt_at);
