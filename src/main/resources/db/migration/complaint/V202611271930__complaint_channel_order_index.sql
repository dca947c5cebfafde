-- The board's open online complaints, oldest first: read in registration order within the channel and
-- stop after the page's rows (the status filter discards the closed ones on the way).
create index ix_complaint_channel_registered on complaint (channel, registered_at, id);
