-- Password resets: at most one pending link per person (a newer one replaces it). Only a SHA-256 of the link's
-- random token is stored, so reading the database gives no usable link.
create table password_reset (
    person_id       varchar(255) primary key references person (id),
    token_hash      varchar(64)  not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    constraint uk_password_reset_token unique (token_hash)
);

-- When the password last changed: browser sessions signed in before then are ended.
alter table local_account add column password_changed_at timestamp with time zone;
