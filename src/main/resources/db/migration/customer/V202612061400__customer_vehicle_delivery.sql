-- SPEC §7.8 / A.2: a vehicle carries its purchase (invoice) date and an optional delivery date (the 三包
-- start is the delivery date when given and different); a vehicle may be registered before its owner is known.
alter table vehicle add column delivery_date date;
alter table vehicle alter column owner_id drop not null;
