-- With Redis, the id of the jobs-stream entry a relayed row was last added as. The database stays the source of
-- truth for work: a relayed row whose entry Redis no longer has (restarted without its data, a failover to a
-- replica that lacks it, FLUSHALL, trimming) is added again, and a row already done is never run again.
alter table event_outbox add column stream_id varchar(40);
