-- Due-soon and overdue alerts already published, so the sweep publishes each one once per work order
-- and deadline (CONFIRMATION, FIRST_REPLY, CLOSURE).
create table work_order_alert (
    work_order_id bigint      not null references work_order (id),
    deadline      varchar(20) not null,
    alert         varchar(20) not null,
    due_at        timestamp(6) with time zone not null,
    published_at  timestamp(6) with time zone not null,
    constraint pk_work_order_alert primary key (work_order_id, deadline, alert)
);
