-- Benchmark data for PostgreSQL: :n complaints over the 12 months up to the run, spread over the dealers
-- and customers that exist (the demo data), each with its work order, timeline events, a reply, and for
-- the closed ones the closure request and callback. Plain SQL, no application.
--
-- Open work is shaped like a real network's: of the last 30 days' complaints 30 % are still open (20 %
-- confirmed and being handled, 10 % not yet confirmed); of older ones 0.5 % are stragglers still in
-- progress (overdue, and escalated after three months); everything else is closed three days after it
-- came in. That is about 3 % of all complaints open, most of them recent.
\set ON_ERROR_STOP on
\if :{?dealers}
\else
  \set dealers 1000
\endif
-- A network of :dealers dealers (default 1,000, a car maker's real size): the demo's and bench dealers
-- B0001… spread over the regions, active since 2020.
create temporary table bench_region as select (row_number() over (order by id)) - 1 as i, id from region;
insert into dealer (code, name, type, region_id, status, star_level, accepted_on)
select 'B' || lpad(k::text, 4, '0'), '基准服务商' || k, case when k % 3 = 0 then '3S' else '4S' end, r.id, 'ACTIVE', 3,
       date '2020-01-01'
from generate_series(1, greatest(0, :dealers - (select count(*) from dealer))) k
join bench_region r on r.i = k % (select count(*) from bench_region);
insert into dealer_status_history (dealer_id, status, effective_from, recorded_at, recorded_by)
select id, 'ACTIVE', accepted_on, now(), 'bench' from dealer d where code like 'B%'
  and not exists (select 1 from dealer_status_history h where h.dealer_id = d.id); -- assessment-data.sql wrote them
create temporary table bench_dealer as select (row_number() over (order by id)) - 1 as i, id from dealer;
create temporary table bench_customer as
  select (row_number() over (order by id)) - 1 as i, id, name from customer where merged_into_id is null;
select count(*) as nd from bench_dealer \gset
select count(*) as nc from bench_customer \gset

insert into complaint (kind, channel, category, description, customer_id, customer_name, complainant_type,
    green_channel, major, status, responsible_dealer_id, handling_dealer_id, registered_at, registered_by,
    first_dispatched_at, closure_round, closed_at, last_event_at, version,
    online_platform, online_negative)
select 'COMPLAINT', case when g % 10 = 0 then 'ONLINE' else 'HOTLINE_400' end,
       (array['PRODUCT_QUALITY','SERVICE_PROCESS','TECHNICAL_CAPABILITY','PARTS_SUPPLY','OTHER'])[1 + g % 5],
       '基准数据 ' || g, cu.id, cu.name, 'CUSTOMER', false, false,
       st.status, d.id, d.id, tt.t, 'bench', tt.t + interval '1 hour', case when st.status = 'CLOSED' then 1 else 0 end,
       case when st.status = 'CLOSED' then tt.t + interval '3 days' end, tt.t + interval '3 days', 0,
       case when g % 10 = 0 then '汽车之家' end, case when g % 10 = 0 then (g % 20 = 0) end
from generate_series(1, :n) g
cross join lateral (select now() - interval '3 days' - ((:n - g)::double precision / :n) * interval '365 days' as t) tt
cross join lateral (select case
         when tt.t > now() - interval '30 days' and (g / 20) % 10 >= 7 then case when (g / 20) % 10 < 9 then 'IN_PROGRESS' else 'DISPATCHED' end
         when (g / 20) % 200 = 0 then 'IN_PROGRESS'
         else 'CLOSED' end as status) st
join bench_dealer d on d.i = g % :nd
join bench_customer cu on cu.i = g % :nc;
-- The foreign-key checks of the inserts below look each complaint up with a plan made from the table's statistics:
-- from the few demo rows they were taken on (an earlier analyze, or autovacuum at start), that plan reads the
-- whole table for every row and the load never ends. The loader's own bulk insert needs fresh statistics.
analyze complaint;

insert into work_order (complaint_id, seq, dealer_id, status, transfer, dispatched_at, dispatched_by,
    confirm_due_at, reply_due_at, close_due_at, deadlines_provisional, confirmed_at, first_reply_at,
    first_contact_at, ended_at, next_due_at)
select c.id, 1, c.responsible_dealer_id,
       case c.status when 'CLOSED' then 'CLOSED' when 'IN_PROGRESS' then 'CONFIRMED' else 'DISPATCHED' end, false,
       c.first_dispatched_at, 'bench', date_trunc('day', c.first_dispatched_at) + interval '1 day',
       c.first_dispatched_at + interval '24 hours', c.first_dispatched_at + interval '5 days', false,
       case when c.status <> 'DISPATCHED' then c.first_dispatched_at + interval '2 hours' end,
       case when c.status <> 'DISPATCHED' then c.first_dispatched_at + interval '5 hours' end,
       case when c.status <> 'DISPATCHED' then c.first_dispatched_at + interval '4 hours' end,
       c.closed_at,
       case c.status when 'CLOSED' then null when 'IN_PROGRESS' then c.first_dispatched_at + interval '5 days'
            else date_trunc('day', c.first_dispatched_at) + interval '1 day' end
from complaint c where c.registered_by = 'bench';
analyze work_order;

insert into work_order_reply (work_order_id, at, contacted_customer_at, final_result, text, entered_by, on_dealers_behalf)
select w.id, w.first_reply_at, w.first_contact_at, true, '已处理', 'bench', false
from work_order w where w.dispatched_by = 'bench' and w.first_reply_at is not null;

insert into complaint_callback (complaint_id, at, closure_round, reached, resolved, satisfied, false_reply, agent)
select c.id, c.closed_at, 1, true, true, true, false, 'bench'
from complaint c where c.registered_by = 'bench' and c.status = 'CLOSED';

insert into complaint_event (complaint_id, work_order_id, dealer_id, type, at, actor, from_status, to_status, category)
select c.id, null, null, 'REGISTERED', c.registered_at, 'bench', null, 'REGISTERED', c.category
  from complaint c where c.registered_by = 'bench'
union all
select w.complaint_id, w.id, w.dealer_id, 'DISPATCHED', w.dispatched_at, 'bench', 'REGISTERED', 'DISPATCHED', null
  from work_order w where w.dispatched_by = 'bench'
union all
select w.complaint_id, w.id, w.dealer_id, 'CONFIRMED', w.confirmed_at, 'bench', 'DISPATCHED', 'IN_PROGRESS', null
  from work_order w where w.dispatched_by = 'bench' and w.confirmed_at is not null
union all
select w.complaint_id, w.id, w.dealer_id, 'REPLIED', w.first_reply_at, 'bench', 'IN_PROGRESS', 'IN_PROGRESS', null
  from work_order w where w.dispatched_by = 'bench' and w.first_reply_at is not null
union all
select w.complaint_id, w.id, w.dealer_id, 'CLOSURE_REQUESTED', w.ended_at - interval '1 day', 'bench', 'IN_PROGRESS',
       'CLOSURE_REQUESTED', null
  from work_order w where w.dispatched_by = 'bench' and w.status = 'CLOSED'
union all
select w.complaint_id, w.id, w.dealer_id, 'CALLBACK', w.ended_at, 'bench', 'CLOSURE_REQUESTED', 'CLOSED', null
  from work_order w where w.dispatched_by = 'bench' and w.status = 'CLOSED';

-- The handling summary (ADR 0003) of the loaded complaints: the rows com.kcm.complaint.HandlingSummaryRows builds
-- (and the application keeps at every change), computed here set-based for speed. Checked against the
-- application's rebuild (POST /api/v1/complaint-handling-summary/rebuild) on a small load. Statistics first:
-- planned on the empty tables' statistics, the joins below ran as nested loops over the whole timeline.
analyze complaint, work_order, work_order_reply, complaint_callback, complaint_event;
-- (the running application may have changed one of them meanwhile and written its row: built again here)
delete from work_order_handling_summary where complaint_id in (select id from complaint where registered_by = 'bench');
delete from complaint_handling_summary where complaint_id in (select id from complaint where registered_by = 'bench');
insert into complaint_handling_summary (complaint_id, status, status_at, status_before, status_before_at,
    status_first_at, category, category_at, category_before, category_before_at, category_first_at, closed_at,
    callback_first_at, callback_last_at, reached_callbacks, false_replies, last_reached, last_satisfied, kind,
    channel, online_negative)
select c.id, st.latest, st.latest_at, st.before, st.before_at, st.first_at,
       ca.latest, ca.latest_at, ca.before, ca.before_at, ca.first_at, st.closed_at,
       cb.first_at, cb.last_at, coalesce(cb.reached, 0), coalesce(cb.false_replies, 0), cb.last_reached,
       cb.last_satisfied, c.kind, c.channel, c.online_negative
from complaint c
left join (select complaint_id, max(to_status) filter (where n = 1) as latest, max(at) filter (where n = 1) as latest_at,
                  max(to_status) filter (where n = 2) as before, max(at) filter (where n = 2) as before_at,
                  min(at) as first_at,
                  min(at) filter (where to_status in ('CLOSED', 'FORCE_CLOSED', 'CLOSED_UNREACHABLE')) as closed_at
           from (select e.complaint_id, e.to_status, e.at,
                        row_number() over (partition by e.complaint_id order by e.at desc, e.id desc) as n
                 from complaint_event e join complaint k on k.id = e.complaint_id and k.registered_by = 'bench'
                 where e.to_status is not null) e
           group by complaint_id) st on st.complaint_id = c.id
left join (select complaint_id, max(category) filter (where n = 1) as latest, max(at) filter (where n = 1) as latest_at,
                  max(category) filter (where n = 2) as before, max(at) filter (where n = 2) as before_at,
                  min(at) as first_at
           from (select e.complaint_id, e.category, e.at,
                        row_number() over (partition by e.complaint_id order by e.at desc, e.id desc) as n
                 from complaint_event e join complaint k on k.id = e.complaint_id and k.registered_by = 'bench'
                 where e.category is not null) e
           group by complaint_id) ca on ca.complaint_id = c.id
left join (select cb.complaint_id, min(cb.at) as first_at, max(cb.at) as last_at,
                  count(*) filter (where cb.reached) as reached, count(*) filter (where cb.false_reply) as false_replies,
                  (array_agg(cb.reached order by cb.at desc, cb.id desc))[1] as last_reached,
                  (array_agg(cb.satisfied order by cb.at desc, cb.id desc) filter (where cb.reached))[1] as last_satisfied
           from complaint_callback cb join complaint k on k.id = cb.complaint_id and k.registered_by = 'bench'
           group by cb.complaint_id) cb on cb.complaint_id = c.id
where c.registered_by = 'bench';

insert into work_order_handling_summary (work_order_id, complaint_id, first_reply_at, first_contact_at,
    contact_settled_at)
select s.work_order_id, s.complaint_id, s.first_reply_at, s.first_contact_at,
       (select min(r.at) from work_order_reply r
         where r.work_order_id = s.work_order_id and r.contacted_customer_at = s.first_contact_at)
from (select w.id as work_order_id, w.complaint_id, min(r.at) as first_reply_at,
             min(r.contacted_customer_at) as first_contact_at
      from work_order w join work_order_reply r on r.work_order_id = w.id
      where w.dispatched_by = 'bench'
      group by w.id, w.complaint_id) s;

-- settle the freshly written tables as autovacuum would on a running system (visibility map for
-- index-only scans, hint bits), so the first measured requests do not pay for the bulk load
vacuum analyze;
-- and write the load's dirty pages out now: otherwise back-to-back checkpoints (gigabytes of WAL from the
-- load) run through the first minutes of the measurements and every commit's WAL flush queues behind them
checkpoint;
