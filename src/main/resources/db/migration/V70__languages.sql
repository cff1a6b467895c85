-- The language a person chose for the pages (null: follow the browser), and the language a squad's owners chose
-- for its channel reports (null: English). Values are language tags of the supported languages: en, de, fr, es, nl.
alter table person add column locale varchar(16);
alter table squad add column report_locale varchar(16);
