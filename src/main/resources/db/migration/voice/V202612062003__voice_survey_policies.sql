-- Survey policies (SPEC §7.4): a link is valid 14 days; a customer gets at most one survey per 30 days.
insert into policy_value (name, value_text, effective_from, reason, recorded_at, recorded_by) values
    ('SURVEY_LINK_DAYS', '14', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SURVEY_INTERVAL_DAYS', '30', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration');
