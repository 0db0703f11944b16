-- 工作日历: deployment overrides of the holiday schedule shipped in calendar/cn-holidays.csv.
-- One row replaces the shipped entry for that date (working = true: 上班, false: 放假), so an
-- administrator can add next year's schedule or a local day off without a release.
-- Runs unchanged on H2 (default) and PostgreSQL (production).
create table calendar_day (
  calendar_date date         primary key,
  working     boolean      not null,
  name        varchar(100),
  updated_at  timestamp with time zone not null
);
