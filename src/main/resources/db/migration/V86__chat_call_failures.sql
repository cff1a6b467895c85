-- Failed calls of chat interactions (issue #17) show in the delivery log: INTERACTION (opening a voting form or
-- answering one user privately) and VOTE_COUNT (editing the "n of m voted" of a vote invitation). Logged as failed,
-- never retried; at most one line per channel and reason per hour.
alter table notification_delivery drop constraint ck_notification_delivery_purpose;
alter table notification_delivery add constraint ck_notification_delivery_purpose
    check (purpose in ('REPORT', 'TEST', 'REMINDER', 'VOTE_INVITE', 'INTERACTION', 'VOTE_COUNT'));
