-- Reports are planned in the transaction that records a session's results (ADR 8), no longer as work of their own.
-- Work of the planning handler still unfinished when this runs is kept, as the event nothing publishes any more.
update event_outbox set event_type = 'io.featurecreep.notifications.PlanReports$Earlier'
where handler = 'notifications.plan-reports' and status in ('PENDING', 'RELAYED');
