-- The squads' results history, owned by insights (issue #16): a copy of each ended session's question results,
-- written when healthcheck reports them recorded (ResultsRecorded), removed when the session is discarded. History
-- pages, the matrix, exports, reports and alerts read it here. The numbers are as voted: the anonymity rule is
-- applied each time a result is shown, as for question_result, so a withheld result stays withheld.

-- One row per ended, not discarded session with recorded results.
create table history_session (
    session_id  varchar(36)  primary key references health_session (id),
    squad_id    varchar(36)  not null references squad (id),
    name        varchar(200),
    ended_at    timestamp with time zone not null,
    anonymous   boolean      not null,
    recorded_at timestamp with time zone not null
);
create index ix_history_session_squad on history_session (squad_id, ended_at);

-- One row per indicator (question) of such a session; previous_average as in question_result.
create table history_result (
    question_id         varchar(36)  primary key references session_question (id),
    session_id          varchar(36)  not null references history_session (session_id),
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
    ended_at            timestamp with time zone not null
);
create index ix_history_result_session on history_result (session_id);
create index ix_history_result_indicator on history_result (squad_id, library_question_id, ended_at);

-- What was recorded before this version.
insert into history_session (session_id, squad_id, name, ended_at, anonymous, recorded_at)
select s.id, s.squad_id, s.name, s.ended_at, s.anonymous, s.ended_at from health_session s
where s.ended_at is not null and s.discarded_at is null
  and exists (select 1 from question_result r where r.session_id = s.id);

insert into history_result (question_id, session_id, squad_id, library_question_id, position, title, votes, red,
  yellow, green, average, improving, stable, worsening, previous_average, ended_at)
select r.question_id, r.session_id, r.squad_id, r.library_question_id, r.position, r.title, r.votes, r.red,
  r.yellow, r.green, r.average, r.improving, r.stable, r.worsening, r.previous_average, r.ended_at
from question_result r join history_session h on h.session_id = r.session_id;
