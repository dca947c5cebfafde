-- The Idempotency-Key a complaint was registered with is kept on the complaint itself (unique), not in a
-- table of its own: intake writes one row less, and a repeated key is found by the unique index when the
-- insert is refused, without reading before every insert (docs/decisions.md).
alter table complaint add column intake_key varchar(200);
alter table complaint add column intake_body_hash varchar(64);
-- found by complaint for the copy below (the table and its index are dropped after it)
create index ix_intake_key_complaint on intake_key (complaint_id);
update complaint
   set intake_key = (select min(k.idem_key) from intake_key k where k.complaint_id = complaint.id),
       intake_body_hash = (select min(k.body_hash) from intake_key k where k.complaint_id = complaint.id)
 where id in (select k.complaint_id from intake_key k);
create unique index ux_complaint_intake_key on complaint (intake_key);
drop table intake_key;
