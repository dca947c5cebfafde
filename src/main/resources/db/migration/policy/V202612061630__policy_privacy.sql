-- Privacy duties (SPEC §8): the row threshold above which a personal-data export needs a second approver,
-- the days after a month within which its access review is due, and the breach notification deadlines
-- (hours after the incident was found). Defaults in docs/decisions.md.
insert into policy_value (name, value_text, effective_from, reason, recorded_at, recorded_by) values
    ('EXPORT_APPROVAL_ROWS', '1000', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('ACCESS_REVIEW_DUE_DAYS', '15', date '2000-01-01', 'default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('BREACH_INTERNAL_HOURS', '1', date '2000-01-01', 'default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('BREACH_REGULATOR_HOURS', '4', date '2000-01-01', 'default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('BREACH_PERSONS_HOURS', '72', date '2000-01-01', 'default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('BREACH_CLOSURE_DAYS', '30', date '2000-01-01', 'default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration');
