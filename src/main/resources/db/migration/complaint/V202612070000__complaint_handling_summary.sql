-- The handling summary (ADR 0003): what the monthly assessment needs from a complaint's timeline, kept up to
-- date in the transaction of every timeline change, so the month's facts read one row per complaint and per
-- work order instead of a dozen lookups over the timeline. Filled from the timeline by the Java migration
-- V202612070001 (and rebuilt by the repair command of docs/decisions.md).
--
-- "latest" is in timeline order (at, id); "before" is the entry just before the latest one. A value at a
-- cut-off is read from these columns whenever they decide it (see HandlingFacts); otherwise the timeline is
-- looked up for that one complaint.
create table complaint_handling_summary (
    complaint_id       bigint primary key references complaint (id),
    status             varchar(30),                  -- latest event with a to_status
    status_at          timestamp(6) with time zone,
    status_before      varchar(30),                  -- the one before it
    status_before_at   timestamp(6) with time zone,
    status_first_at    timestamp(6) with time zone,  -- first event with a to_status
    category           varchar(30),                  -- same three for events with a category
    category_at        timestamp(6) with time zone,
    category_before    varchar(30),
    category_before_at timestamp(6) with time zone,
    category_first_at  timestamp(6) with time zone,
    closed_at          timestamp(6) with time zone,  -- first event into CLOSED, FORCE_CLOSED or CLOSED_UNREACHABLE
    callback_first_at  timestamp(6) with time zone,
    callback_last_at   timestamp(6) with time zone,
    reached_callbacks  integer not null,
    false_replies      integer not null,
    last_reached       boolean,                      -- of the latest callback
    last_satisfied     boolean                       -- of the latest reached callback
);

-- One row per work order with at least one reply.
create table work_order_handling_summary (
    work_order_id      bigint primary key references work_order (id),
    complaint_id       bigint not null references complaint (id),
    first_reply_at     timestamp(6) with time zone not null,
    first_contact_at   timestamp(6) with time zone,  -- earliest contacted_customer_at of all replies
    contact_settled_at timestamp(6) with time zone   -- first reply stating that earliest contact
);
create index ix_wo_handling_summary_complaint on work_order_handling_summary (complaint_id);
