-- Chat apps as notification channels (issue #17): a Slack app (bot token, signing secret, channel id) or a Discord
-- application (application id, public key, bot token, channel id) posts reports and a "vote here" message when a
-- session starts. target holds the chat's channel id; signing_secret the Slack signing secret or the Discord public
-- key; bot_token the bot's token (a secret, like webhook addresses); app_id the Discord application id.
alter table notification_channel alter column kind set data type varchar(20);
alter table notification_channel add column bot_token varchar(300);
alter table notification_channel add column app_id varchar(100);
alter table notification_channel drop constraint ck_notification_channel_kind;
alter table notification_channel add constraint ck_notification_channel_kind
    check (kind in ('DISCORD', 'SLACK', 'TEAMS', 'WEBHOOK', 'EMAIL', 'SLACK_APP', 'DISCORD_APP'));

-- VOTE_INVITE: the message with a vote button that a chat app's channel gets when a session starts.
alter table notification_delivery alter column purpose set data type varchar(20);
alter table notification_delivery drop constraint ck_notification_delivery_purpose;
alter table notification_delivery add constraint ck_notification_delivery_purpose
    check (purpose in ('REPORT', 'TEST', 'REMINDER', 'VOTE_INVITE'));

-- Where a vote invitation went in its chat (Slack: the message's ts; Discord: the message id), so that its
-- "n of m voted" can be edited as votes arrive. Counts only: nothing here says who voted.
create table chat_vote_message (
    channel_id      varchar(36)   not null references notification_channel (id) on delete cascade,
    session_id      varchar(36)   not null references health_session (id),
    chat_channel    varchar(100)  not null,
    message_ref     varchar(100)  not null,
    posted_at       timestamp with time zone not null,
    constraint pk_chat_vote_message primary key (channel_id, session_id)
);
