-- Alerts (issue #17): what an indicator's results in a session give a squad to talk about, raised by insights when
-- the session enters the history, written only by insights. The numbers are the evidence; pages, reports and the
-- API put them into words in their reader's language. One alert per session, indicator and kind (recording a
-- session twice raises nothing new). A squad owner may dismiss one, with a note: who and when are kept.
create table squad_alert (
    id                  varchar(36)  primary key,
    squad_id            varchar(36)  not null references squad (id),
    session_id          varchar(36)  not null references history_session (session_id),
    question_id         varchar(36)  not null references history_result (question_id),
    kind                varchar(20)  not null,
    average             double precision not null,
    votes               integer      not null,
    reference           double precision,
    sessions            integer      not null,
    evidence_count      integer      not null,
    evidence_other      integer      not null,
    p_value             double precision,
    raised_at           timestamp with time zone not null,
    dismissed_at        timestamp with time zone,
    dismissed_by        varchar(255) references person (id),
    dismiss_note        varchar(500),
    constraint uk_squad_alert unique (question_id, kind),
    constraint ck_squad_alert_kind check (kind in ('DROP', 'RED_STREAK', 'SPLIT', 'EXPECT_WORSE'))
);
create index ix_squad_alert_squad on squad_alert (squad_id, raised_at);
create index ix_squad_alert_session on squad_alert (session_id);
