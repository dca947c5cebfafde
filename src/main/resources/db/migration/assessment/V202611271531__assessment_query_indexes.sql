-- Indexes for computing a month for all dealers (issue 5 benchmark): the handling facts ask, per complaint,
-- for its latest event or callback before the cut-off ordered by (at desc, id desc); with id in the index
-- that is one backward index step instead of a sort. They replace the (complaint_id, at) indexes, which
-- they cover.
create index ix_event_complaint_at_id on complaint_event (complaint_id, at, id);
drop index ix_event_complaint;
create index ix_callback_complaint_at_id on complaint_callback (complaint_id, at, id);
drop index ix_callback_complaint;
-- The online carry-over reads the online complaints not closed before the previous cut-off.
create index ix_complaint_channel_closed on complaint (channel, closed_at);
