-- The 三包 periods and thresholds of SPEC §7.8 (SAMR Order 43), in force from 2000-01-01.
insert into policy_value (name, value_text, effective_from, reason, recorded_at, recorded_by) values
    ('SANBAO_YEARS', '2', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_KM', '50000', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('WARRANTY_YEARS', '3', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('WARRANTY_KM', '60000', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_REPAIR_DAYS', '30', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_REPAIR_DAYS_APPROACHING', '25', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_SAME_PROBLEM_REPAIRS', '4', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_SERIOUS_SAFETY_REPAIRS', '2', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_REPLACEMENTS', '2', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_EARLY_DAYS', '60', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_EARLY_KM', '3000', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_EARLY_REFUND_DAYS', '7', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration'),
    ('SANBAO_LONG_REPAIR_DAYS', '5', date '2000-01-01', 'SPEC default', timestamp with time zone '2026-12-06 00:00:00+00', 'migration');
