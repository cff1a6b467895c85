-- The outcome of every question of an ended session, written once by a background handler, so that history
-- reads (timeseries, totals, heat maps) never recount votes. Keyed by indicator (library_question_id) so that a
-- renamed indicator keeps its series. previous_average: the same indicator in the squad's previous ended session.
create table question_result (
    question_id         varchar(36)  primary key references session_question (id),
    session_id          varchar(36)  not null references health_session (id),
    squad_id            varchar(36)  not null references squad (id),
    library_question_id varchar(36)  references library_question (id),
    position            integer      not null,
    title               varchar(200) not null,
    votes               integer      not null,
    red                 integer      not null,
    yellow              integer      not null,
    green               integer      not null,
    average             double precision,
    improving           integer      not null,
    stable              integer      not null,
    worsening           integer      not null,
    previous_average    double precision,
    ended_at            timestamp with time zone not null,
    computed_at         timestamp with time zone not null
);
create index ix_question_result_history on question_result (squad_id, library_question_id, ended_at);
create index ix_question_result_session on question_result (session_id);
