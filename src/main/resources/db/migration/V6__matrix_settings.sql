-- Who besides organisation admins sees the organisation matrix, and squads that stay out of it.
create table matrix_settings (
    organisation_id    varchar(36) primary key references organisation (id),
    members_see_matrix boolean     not null
);

create table matrix_opt_out (
    squad_id   varchar(36) primary key references squad (id),
    created_at timestamp with time zone not null
);
