-- Churn analysis (SPEC §7.6, A.4): the latest repair order of each vehicle as of a date is read from this index in
-- the window's order (no sort of all orders, an index-only scan on PostgreSQL); the vehicles' owners and models
-- likewise from the second.
create index ix_repair_order_churn on repair_order (vehicle_id, opened_at desc, repair_order_no desc, dealer_id desc);
create index ix_vehicle_owner_churn on vehicle (id, owner_id, model, vin);
