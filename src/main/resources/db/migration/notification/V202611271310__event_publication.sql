-- Spring Modulith event publication registry (JDBC, schema v2): the reliable outbox. A publication is
-- written in the same transaction as the business change and completed (deleted) once its listener ran.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(100000) not null,
    publication_date       timestamp(6) with time zone not null,
    completion_date        timestamp(6) with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp(6) with time zone
);
create index ix_event_publication_listener on event_publication (listener_id);
create index ix_event_publication_date on event_publication (publication_date);
