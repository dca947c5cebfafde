-- Cluster-safe scheduled jobs: a job runs only on the instance that holds its lease.
create table job_lock (
    name         varchar(100) primary key,
    locked_until timestamp(6) with time zone not null,
    locked_by    varchar(200) not null,
    last_run_at  timestamp(6) with time zone
);
