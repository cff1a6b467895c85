-- A Discord application connected to a squad (issue #17): a notification channel of kind DISCORD_APP whose bot posts
-- reports, reminders and "vote here" messages to one Discord channel, and whose interactions (the /healthcheck
-- command, buttons, select menus, modals) let members vote. SLACK_APP is the Slack half's kind: listed here too, so
-- that this constraint holds whichever of the two migrations ran last.
alter table notification_channel drop constraint ck_notification_channel_kind;
alter table notification_channel alter column kind set data type varchar(20);
alter table notification_channel add constraint ck_notification_channel_kind
    check (kind in ('DISCORD', 'SLACK', 'TEAMS', 'WEBHOOK', 'EMAIL', 'SLACK_APP', 'DISCORD_APP'));

-- The application's settings. The bot token is a secret: never shown, never returned by the API, never logged.
-- The public key verifies the interactions Discord sends (Ed25519).
create table discord_app_channel (
    channel_id         varchar(36)   primary key references notification_channel (id) on delete cascade,
    application_id     varchar(20)   not null,
    public_key         varchar(64)   not null,
    bot_token          varchar(200)  not null,
    discord_channel_id varchar(20)   not null
);
create index ix_discord_app_channel_application on discord_app_channel (application_id);

-- The "vote here" message each session got in each Discord channel, so that its "n of m voted" can be edited.
create table discord_vote_message (
    channel_id         varchar(36)   not null references notification_channel (id) on delete cascade,
    session_id         varchar(36)   not null references health_session (id),
    message_id         varchar(20)   not null,
    primary key (channel_id, session_id)
);
