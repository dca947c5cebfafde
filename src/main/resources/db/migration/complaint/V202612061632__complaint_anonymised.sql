-- Retention (SPEC §8): when a complaint's personal data was anonymised. Not mapped by JPA (written only by
-- the retention job with plain SQL). Finished complaints are found by the instant they ended.
alter table complaint add column anonymised_at timestamp(6) with time zone;
create index ix_complaint_closed_at on complaint (closed_at);
