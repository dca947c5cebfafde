-- Issue 17: the month's assessment reads the work orders first dispatched in the month by their dispatch
-- instant alone (all dealers); the (dealer_id, dispatched_at) index only serves one dealer's month.
create index ix_work_order_dispatched on work_order (dispatched_at);
