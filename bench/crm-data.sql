-- The CRM benchmark's data (bench/crm.sh, issue 13): :customers customers (one vehicle each, no phone: the
-- measured customers are registered through the API so their personal data is really encrypted), of which
-- :accounts are key accounts shared by 50 account managers (accountmgr and 49 more, the same password), each with
-- a year of visits (about 12, a fifth of the accounts overdue, some follow-ups open), one contract and five
-- communication-log entries. Deterministic (setseed).
select setseed(0.13);
\set ON_ERROR_STOP 1

insert into app_user (username, password_hash, display_name, roles, enabled, created_at)
select 'benchmgr' || lpad(i::text, 2, '0'), u.password_hash, '客户经理' || i, u.roles, true, now()
from app_user u cross join generate_series(1, 49) i where u.username = 'accountmgr';
create temporary table mgr as
select row_number() over (order by id) - 1 as k, id from app_user where username = 'accountmgr' or username like 'benchmgr%';

create temporary table d as select row_number() over (order by id) - 1 as k, id from dealer;
select count(*) as dealers from d \gset

insert into customer (name, name_key, kind, customer_class, computed_class, class_reason, key_account, account_manager_user_id,
  created_at, updated_at)
select '基准客户' || i, '基准客户' || i, case when i <= :accounts then 'ORGANIZATION' else 'INDIVIDUAL' end,
       case when i <= :accounts then 'A' else 'C' end, case when i <= :accounts then 'A' else 'C' end, null, i <= :accounts,
       case when i <= :accounts then (select id from mgr where k = i % 50) end, now(), now()
from generate_series(1, :customers) i;

create temporary table bc as
select row_number() over (order by id) as n, id from customer where name like '基准客户%';
create index on bc (n);

insert into vehicle (vin, vin_last6, plate, model, purchase_date, selling_dealer_id, owner_id, created_at, updated_at)
select 'LCR' || lpad(c.n::text, 14, '0'), right(lpad(c.n::text, 14, '0'), 6), null,
       (array['KCM S5','KCM S7','KCM X3','KCM X5','KCM X5 PHEV','KCM E6 纯电'])[1 + (c.n % 6)::int],
       current_date - (c.n * 7919 % 1460)::int, (select id from d where k = c.n % :dealers), c.id, now(), now()
from bc c;

-- key accounts: last visit 0–45 days ago (a fifth never visited or overdue), the class interval of A (1 month)
insert into key_account (customer_id, customer_name, active, manager_user_id, organisation_name, industry, fleet_size,
  address, effective_class, last_visit_on, next_visit_due, follow_up_due, updated_at)
select c.id, '基准客户' || c.n, true, (select id from mgr where k = c.n % 50), '基准物流' || c.n || '有限公司', '物流',
       10 + (c.n % 90)::int, '北京市', 'A', v.last, case when v.last is null then null else (v.last + interval '1 month')::date end,
       case when c.n % 7 = 0 then current_date + (c.n % 20)::int - 5 end, now()
from bc c
cross join lateral (select case when c.n % 25 = 0 then null else current_date - (c.n * 31 % 46)::int end as last) v
where c.n <= :accounts;

insert into account_visit (customer_id, visit_date, kind, participants, content, feedback, next_steps, follow_up_due,
  follow_up_done_on, recorded_by_user_id, recorded_by_name, recorded_at)
select k.customer_id, k.last_visit_on - (j * 30), (array['ON_SITE','PHONE','ONLINE'])[1 + (j % 3)], '车队长、客户经理',
       '例行拜访，了解车队用车情况', '总体满意', '跟进保养计划',
       case when j = 0 and k.follow_up_due is not null then k.follow_up_due end, null, k.manager_user_id, '客户经理', now()
from key_account k cross join generate_series(0, 11) j
where k.last_visit_on is not null and k.customer_name like '基准客户%';

insert into account_contract (customer_id, number, signed_on, start_on, end_on, contract_value, status, created_at, updated_at)
select k.customer_id, 'BC-' || k.customer_id, current_date - 400, current_date - 365,
       current_date + ((k.customer_id % 400) - 30)::int, 120000.00, 'ACTIVE', now(), now()
from key_account k where k.customer_name like '基准客户%';

insert into communication_entry (customer_id, channel, direction, at, user_id, user_name, summary, recorded_at)
select k.customer_id, (array['PHONE','VISIT','EMAIL','SMS','WECHAT'])[1 + j], case when j % 2 = 0 then 'IN' else 'OUT' end,
       now() - (j * 9 + 1) * interval '1 day', k.manager_user_id, '客户经理', '客户来电询问车队保养安排', now()
from key_account k cross join generate_series(0, 4) j where k.customer_name like '基准客户%';

vacuum analyze;
checkpoint;
