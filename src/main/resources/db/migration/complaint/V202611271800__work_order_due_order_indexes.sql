-- The inbox and the board list open work orders nearest due first. Closed work orders have no next due
-- instant (null sorts last), so these indexes are read in order from the start and a page stops after
-- its rows, however many closed work orders a dealer has.
create index ix_work_order_due_order on work_order (next_due_at, id);
create index ix_work_order_dealer_due_order on work_order (dealer_id, next_due_at, id);
-- (status, next_due_at) is covered by the first index: only open work orders have a next due instant.
drop index ix_work_order_open_next_due;
