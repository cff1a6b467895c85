-- One work queue (ADR 8): a planned delivery is a row of this log and a work item of event_outbox (a DeliveryDue of
-- the handler notifications.deliver), which claims, retries, backs off and parks it. The log's own queue columns go.
-- Deliveries still waiting become work items, due when they were; the rest of the log stays as it was.
insert into event_outbox (id, event_type, payload, handler, status, attempts, next_attempt_at, created_at)
select id, 'io.featurecreep.notifications.DeliveryDue', '{"deliveryId":"' || id || '"}', 'notifications.deliver',
       'PENDING', 0, next_attempt_at, created_at
from notification_delivery where status = 'PENDING';
drop index ix_notification_delivery_due;
alter table notification_delivery drop column locked_until;
alter table notification_delivery drop column next_attempt_at;
