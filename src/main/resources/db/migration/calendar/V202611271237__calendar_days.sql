-- Working-day calendar (SPEC §3): only the exceptions to Monday–Friday are stored.
-- HOLIDAY: a statutory holiday (法定节假日); MAKEUP_WORKDAY: a Saturday or Sunday worked (调休上班日).
create table calendar_day (
    calendar_date date         not null primary key,
    kind          varchar(20)  not null,
    name          varchar(100),
    version       bigint       not null default 0,
    constraint ck_calendar_day_kind check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY'))
);

-- A year whose official schedule has been entered and checked. Deadlines that look at a date in a year
-- that is not published are provisional.
create table calendar_year (
    year_no      integer     not null primary key,
    published    boolean     not null default false,
    published_at timestamp(6) with time zone,
    published_by varchar(64),
    version      bigint      not null default 0
);
