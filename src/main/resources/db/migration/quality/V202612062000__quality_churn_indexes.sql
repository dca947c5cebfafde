-- Churn analysis (SPEC §7.6, A.4): the latest repair order of each customer as of a date is found by one window
-- over repair orders joined to their vehicles. These covering indexes let PostgreSQL read both from the index
-- alone (an index-only scan instead of the wide tables).
create index ix_repair_order_churn on repair_order (vehicle_id, opened_at, repair_order_no, dealer_id);
create index ix_vehicle_owner_churn on vehicle (id, owner_id, model, vin);
