-- Who holds a SENDING claim (an app_instance id): a claim of an instance no longer running is taken over
-- at once instead of after a fixed timeout. The status index serves the health figures and the takeover.
alter table notification add column claimed_by varchar(200);
create index ix_notification_status on notification (status, claimed_by);
