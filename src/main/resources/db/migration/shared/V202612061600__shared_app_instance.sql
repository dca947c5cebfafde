-- Running application instances (SPEC §11, crash of an instance): each instance writes its row at start and
-- beats it every few seconds (database time); a row whose beat is older than the takeover delay belongs to
-- a dead instance, and its work (notification claims, job leases) is taken over. A stopped instance
-- deletes its row.
create table app_instance (
    id         varchar(200) primary key,
    started_at timestamp(6) with time zone not null,
    beat_at    timestamp(6) with time zone not null
);
create index ix_app_instance_beat on app_instance (beat_at);
