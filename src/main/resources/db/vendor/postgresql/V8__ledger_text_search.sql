-- 台账搜索按关键词 (ledger search by keyword): "lower(title) like '%…%'" and the same on the
-- description cannot use a b-tree, and with a million problems each search read the whole table
-- (8.5 s in the benchmark). Trigram indexes answer substring searches of three or more characters,
-- Chinese included when the database's LC_CTYPE is a UTF-8 locale (pg_trgm counts CJK characters
-- as word characters only then; the postgres image's en_US.utf8 and C.UTF-8 both do). Shorter
-- keywords still scan. pg_trgm ships with PostgreSQL and is a trusted extension: the database's
-- owner may create it.
create extension if not exists pg_trgm;

create index problem_title_trgm_idx on problem using gin (lower(title) gin_trgm_ops);
create index problem_description_trgm_idx on problem using gin (lower(description) gin_trgm_ops);
