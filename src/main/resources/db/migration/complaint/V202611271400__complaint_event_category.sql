-- The category in force after each event, so the category at any cut-off is read from the timeline.
alter table complaint_event add column category varchar(30);
create index ix_event_complaint_at_category on complaint_event (complaint_id, at, category);
