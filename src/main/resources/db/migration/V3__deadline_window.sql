-- 预警/逾期: the first day of the warning window, and when the warning and the overdue were recorded
-- (once per deadline; the traffic light itself is derived from the dates, never stored).
alter table problem add column warning_date date;
alter table problem add column warned_at timestamp with time zone;
alter table problem add column overdue_at timestamp with time zone;
