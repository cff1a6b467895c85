-- What makes two titles the same question (case, punctuation, articles and word endings ignored), computed by
-- the application (LibraryAnalysis.titleKey). Rows without one get theirs when the application starts.
alter table library_question add column title_key varchar(400);
create index ix_library_question_title_key on library_question (title_key);
