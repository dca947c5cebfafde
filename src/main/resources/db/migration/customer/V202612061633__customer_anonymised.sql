-- Retention (SPEC §8): when a customer's personal data was anonymised (name and numbers replaced).
alter table customer add column anonymised_at timestamp(6) with time zone;
