-- Assessment benchmark data (issue 5), on top of the demo network: dealers up to :dealers in all, their
-- dated status, service visits for the first quarter of 2026 (the base of the second quarter's limits),
-- and a few media incidents and approved penalties in the measured month. Plain SQL, no application.
\set ON_ERROR_STOP on
create temporary table bench_region as select (row_number() over (order by id)) - 1 as i, id from region;
select count(*) as nr from bench_region \gset
select count(*) as nd0 from dealer \gset

insert into dealer (code, name, type, region_id, status, star_level, accepted_on)
select 'B' || lpad(g::text, 4, '0'), '基准服务商 ' || g, case when g % 3 = 0 then '3S' else '4S' end, r.id,
       'ACTIVE', 1 + g % 5, date '2020-01-01'
from generate_series(1, :dealers - :nd0) g
join bench_region r on r.i = g % :nr;

insert into dealer_status_history (dealer_id, status, effective_from, recorded_at, recorded_by)
select d.id, 'ACTIVE', d.accepted_on, now(), 'bench' from dealer d
where not exists (select 1 from dealer_status_history h where h.dealer_id = d.id);

-- Visits 0..2999 a month, so every band of the table is used.
insert into service_visit (dealer_id, period_month, visits, recorded_at, recorded_by)
select d.id, m, (d.id * 37 + length(m) * 11 + ascii(substr(m, 7, 1)) * 13) % 3000, now(), 'bench'
from dealer d cross join (values ('2026-01'), ('2026-02'), ('2026-03')) as months(m)
on conflict do nothing;

insert into media_incident (dealer_id, at, description, recorded_by, recorded_at)
select d.id, timestamptz '2026-06-10 10:00:00+08', '基准媒体曝光', 'bench', now() from dealer d where d.id % 20 = 0;

insert into penalty (dealer_id, period_month, amount, reason, status, proposed_by, proposed_at, approved_by, approved_at)
select d.id, '2026-06', 1000 + (d.id % 9) * 1000, '基准考核', 'APPROVED', 'bench', now(), 'bench', now()
from dealer d where d.id % 25 = 0;
analyze;
