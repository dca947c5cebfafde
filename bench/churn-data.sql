-- The churn benchmark's data (bench/churn.sh): :customers customers (names only, no personal data), each owning one
-- vehicle, one in five a second one (VINs LCN + 14 digits, sold by the existing dealers), and :orders repair orders
-- spread over the vehicles at random, opened in the last five years (so that as of today roughly a third of the
-- customers are churned with 12 months). One customer in twenty has no repair order at all. Deterministic (setseed).
select setseed(0.76);
\set ON_ERROR_STOP 1
create temporary table d as select row_number() over (order by id) - 1 as k, id from dealer;
select count(*) as dealers from d \gset
select coalesce(max(id), 0) as first_customer from customer \gset

insert into customer (name, name_key, kind, source, created_at, updated_at)
select '流失基准客户' || i, '流失基准客户' || i, 'INDIVIDUAL', 'bench-churn', now(), now()
from generate_series(1, :customers) i;

create temporary table bc as
select row_number() over (order by id) as n, id from customer where source = 'bench-churn';
create index on bc (n);

insert into vehicle (vin, vin_last6, plate, model, purchase_date, selling_dealer_id, owner_id, created_at, updated_at)
select 'LCN' || lpad(x.i::text, 14, '0'), right(lpad(x.i::text, 14, '0'), 6), null,
       (array['KCM S5','KCM S7','KCM X3','KCM X5','KCM X5 PHEV','KCM E6 纯电'])[1 + (x.i % 6)],
       current_date - 2000 + (x.i % 365), (select id from d where k = x.i % :dealers), c.id, now(), now()
from (select i, case when i <= :customers then i else 1 + ((i::bigint * 7919) % :customers)::int end as owner_n
      from generate_series(1, :customers + :customers / 5) i) x
join bc c on c.n = x.owner_n;

-- vehicles that get repair orders: all but those of one customer in twenty
create temporary table bv as
select row_number() over (order by v.id) as n, v.id, v.vin, v.selling_dealer_id
from vehicle v join bc c on c.id = v.owner_id where c.n % 20 <> 0;
create index on bv (n);
select count(*) as serviced from bv \gset

insert into repair_order (vehicle_id, vin, dealer_id, repair_order_no, opened_at, closed_at, mileage_km, fault_system,
  fault_code, description, quality_problem, serious_safety_fault, excluded_hours, early_failure, created_at)
select v.id, v.vin, case when x.r1 < 0.8 then v.selling_dealer_id else (select id from d where k = floor(x.r1 * 1000)::int % :dealers) end,
       'CN' || x.j, now() - (power(x.r0, 0.7) * 1800) * interval '1 day',
       now() - (power(x.r0, 0.7) * 1800) * interval '1 day' + interval '3 hours',
       1000 + floor(x.r2 * 150000)::int, 'OTHER', 'MAINT', null, false, false, null, null, now()
from (select j, 1 + floor(random() * :serviced)::int as n, random() as r0, random() as r1, random() as r2
      from generate_series(1, :orders) j) x
join bv v on v.n = x.n;

vacuum analyze customer;
vacuum analyze vehicle;
vacuum analyze repair_order;
