-- The facilitator's countdown for the active question of a live session; null while no timer runs.
alter table health_session add column timer_ends_at timestamp with time zone;
