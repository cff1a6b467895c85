-- A chat user (Slack user of a workspace, Discord user of a guild) linked to a person, once, through a one-time
-- link they opened signed in. Votes from the chat are cast as that person.
create table chat_identity (
    platform         varchar(10)   not null,
    workspace_id     varchar(100)  not null,
    platform_user_id varchar(100)  not null,
    person_id        varchar(255)  not null references person (id),
    linked_at        timestamp with time zone not null,
    constraint pk_chat_identity primary key (platform, workspace_id, platform_user_id),
    constraint ck_chat_identity_platform check (platform in ('SLACK', 'DISCORD'))
);
create index ix_chat_identity_person on chat_identity (person_id);

-- One-time links that make a chat identity: only a SHA-256 of the random token is stored (reading the database gives
-- no usable link); single use, valid minutes.
create table chat_link_token (
    token_hash       varchar(64)   primary key,
    platform         varchar(10)   not null,
    workspace_id     varchar(100)  not null,
    platform_user_id varchar(100)  not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null
);
