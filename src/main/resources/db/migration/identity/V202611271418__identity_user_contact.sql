-- Contact data of users for notifications (escalations, online-complaint lists): both optional.
alter table app_user add column email varchar(200);
alter table app_user add column mobile varchar(20);
