-- Occasions whose library uses have been counted (a session started, a question added, a template chosen): counting
-- runs after the asking transaction commits and may run twice, and this row makes the second run count nothing.
create table library_use_counted (
    use_id      varchar(36)   primary key,
    counted_at  timestamp with time zone not null
);
