-- What a squad said and agreed during a session.
create table session_note (
    id          varchar(36)   primary key,
    session_id  varchar(36)   not null references health_session (id),
    question_id varchar(36)   references session_question (id),
    author_id   varchar(255)  not null references person (id),
    body        varchar(4000) not null,
    created_at  timestamp with time zone not null
);
create index ix_session_note_session on session_note (session_id, created_at);

-- What a squad agreed to do, linked to the indicator it should move; reviewed at the squad's next session.
create table action_item (
    id                  varchar(36)  primary key,
    squad_id            varchar(36)  not null references squad (id),
    session_id          varchar(36)  not null references health_session (id),
    library_question_id varchar(36)  references library_question (id),
    title               varchar(300) not null,
    owner_id            varchar(255) references person (id),
    due_date            date,
    status              varchar(10)  not null,
    created_by          varchar(255) not null references person (id),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint ck_action_item_status check (status in ('OPEN', 'DONE', 'DROPPED'))
);
create index ix_action_item_squad on action_item (squad_id, status, created_at);
