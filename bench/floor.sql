\set r random(1, 1000000)
insert into bench_floor (v) values (:r);
