-- The rest of the Spotify squad health check deck, in our own words: shared by all (organisation_id null) but
-- not asked by default (default_position null). The deck's "Tech quality" and "Value" are the defaults "Health
-- of codebase" and "Delivering value" under other names, so they are not repeated here.
insert into library_question (id, organisation_id, title, description_good, description_bad, default_position, usage_count, created_at) values
('00000000-0000-0000-0002-000000000001', null, 'Suitable process', 'The way we plan and organise our work helps us, and we change it whenever it gets in the way.', 'Our process is a burden: rituals and paperwork nobody believes in, and no say in changing them.', null, 0, current_timestamp),
('00000000-0000-0000-0002-000000000002', null, 'Support', 'When we are stuck, we get help quickly, and people around us back us up.', 'We ask for help and hear nothing back; we are left alone with our problems.', null, 0, current_timestamp),
('00000000-0000-0000-0002-000000000003', null, 'Teamwork', 'We are a real team: we share the load, trust one another and celebrate together.', 'We are a group of individuals who work side by side but rarely together.', null, 0, current_timestamp);
