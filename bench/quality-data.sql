-- The 三包 benchmark's data (bench/quality.sh): :vehicles vehicles (VINs LBX + 14 digits, no owner, sold by the
-- existing dealers, bought up to four years ago) with :orders repair orders spread over them (about one in
-- five with a replaced part, 0.5 % still open), then the stored flags as the application would have computed
-- them for the two flags that volume makes common (REPAIR_DAYS and SAME_PROBLEM_REPAIRS; the SQL mirrors the
-- rules closely enough for the list's size and shape). Deterministic (setseed).
select setseed(0.14);
\set ON_ERROR_STOP 1
create temporary table d as select row_number() over (order by id) - 1 as k, id from dealer;
select count(*) as dealers from d \gset

insert into vehicle (vin, vin_last6, plate, model, purchase_date, selling_dealer_id, owner_id, created_at, updated_at)
select 'LBX' || lpad(i::text, 14, '0'), right(lpad(i::text, 14, '0'), 6), null,
       (array['KCM S5','KCM S7','KCM X3','KCM X5','KCM X5 PHEV','KCM E6 纯电'])[1 + (i % 6)],
       current_date - (i::bigint * 7919 % 1460)::int, (select id from d where k = i % :dealers), null, now(), now()
from generate_series(1, :vehicles) i;

create temporary table bv as
select row_number() over (order by id) as n, id, vin, purchase_date, selling_dealer_id from vehicle where vin like 'LBX%';
create index on bv (n);

insert into repair_order (vehicle_id, vin, dealer_id, repair_order_no, opened_at, closed_at, mileage_km, fault_system,
  fault_code, description, quality_problem, serious_safety_fault, excluded_hours, early_failure, created_at)
select v.id, v.vin, v.selling_dealer_id, 'BQ' || x.j, o.opened,
       case when x.r1 < 0.005 then null else o.opened + ((1 + floor(x.r2 * 120)) * interval '1 hour') end,
       least(200000, (extract(epoch from (o.opened - v.purchase_date::timestamptz)) / 86400 * 40)::int),
       (array['ENGINE','GEARBOX','TRACTION_BATTERY','DRIVE_MOTOR','STEERING','BRAKES','SUSPENSION','DRIVETRAIN','EMISSION_CONTROL','BODY','OTHER'])[1 + floor(x.r3 * 11)::int],
       'F' || floor(power(x.r4, 3) * 30)::int, null, x.r5 < 0.7, x.r5 < 0.01, null, null, now()
from (select j, 1 + floor(random() * :vehicles)::int as n, random() as r0, random() as r1, random() as r2,
             random() as r3, random() as r4, random() as r5
      from generate_series(1, :orders) j) x
join bv v on v.n = x.n
cross join lateral (select least(now() - interval '1 hour',
       v.purchase_date::timestamptz + (x.r0 * (current_date - v.purchase_date + 1)) * interval '1 day') as opened) o;

insert into repair_order_item (repair_order_id, item_system, part_no, whole_unit)
select id, fault_system, 'P-' || fault_system || '-' || (id % 25), id % 50 = 0 and fault_system in ('ENGINE','GEARBOX','TRACTION_BATTERY','DRIVE_MOTOR')
from repair_order where vin like 'LBX%' and id % 5 = 0;

-- stored flags (as of now, policy defaults)
insert into sanbao_flag (vehicle_id, code, vin, model, selling_dealer_id, state, figure, threshold, article, computed_at, reached_at)
select v.id, 'REPAIR_DAYS', v.vin, v.model, v.selling_dealer_id, case when s.days > 30 then 'REACHED' else 'APPROACHING' end,
       s.days, 30, '24.1.4', now(), case when s.days > 30 then now() end
from (select r.vehicle_id, sum(ceil(extract(epoch from (coalesce(r.closed_at, now()) - r.opened_at)) / 86400))::int as days
      from repair_order r join vehicle v on v.id = r.vehicle_id
      where r.vin like 'LBX%' and r.quality_problem and r.mileage_km < 50000
        and (r.opened_at at time zone 'Asia/Shanghai')::date < (v.purchase_date + interval '2 years')::date
      group by r.vehicle_id) s
join vehicle v on v.id = s.vehicle_id
where s.days >= 25;

insert into sanbao_flag (vehicle_id, code, vin, model, selling_dealer_id, state, figure, threshold, article, fault_code, computed_at, reached_at)
select distinct on (s.vehicle_id) v.id, 'SAME_PROBLEM_REPAIRS', v.vin, v.model, v.selling_dealer_id,
       case when s.n > 4 then 'REACHED' else 'APPROACHING' end, s.n, 4, '24.1.4', s.fault_code, now(),
       case when s.n > 4 then now() end
from (select r.vehicle_id, r.fault_code, count(*)::int as n
      from repair_order r join vehicle v on v.id = r.vehicle_id
      where r.vin like 'LBX%' and r.quality_problem and r.mileage_km < 50000
        and (r.opened_at at time zone 'Asia/Shanghai')::date < (v.purchase_date + interval '2 years')::date
      group by r.vehicle_id, r.fault_code having count(*) >= 4) s
join vehicle v on v.id = s.vehicle_id
order by s.vehicle_id, s.n desc, s.fault_code;

vacuum analyze vehicle;
vacuum analyze repair_order;
vacuum analyze repair_order_item;
vacuum analyze sanbao_flag;
