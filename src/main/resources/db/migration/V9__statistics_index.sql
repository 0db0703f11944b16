-- 整改统计 counts every problem of the units shown by state, deadline, overdue_at and registration
-- date in one grouped statement; with these columns in one index the database answers it from the
-- index alone (PostgreSQL: index-only scan) instead of reading every row of the table. It leads
-- with (unit_code, state), so it also serves everything the old (unit_code, state) index did.
create index problem_statistics_idx on problem (unit_code, state, deadline, overdue_at, registered_at);
drop index problem_unit_state_idx;
