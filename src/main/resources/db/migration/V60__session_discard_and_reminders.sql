-- A squad owner may discard a session started by mistake. The row stays, with who discarded it and when, so the
-- discard is on record; everything derived from it (results, history, matrix, exports, reports) leaves it out.
alter table health_session add column discarded_at timestamp with time zone;
alter table health_session add column discarded_by varchar(255) references person (id);

-- Async sessions: remind the members who have not voted this many hours before the deadline; null: no reminder.
alter table health_session add column reminder_hours integer;
alter table health_session add constraint ck_health_session_reminder check (reminder_hours between 1 and 336);
