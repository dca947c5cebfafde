-- The class the policy rule gives (SPEC §7.2), computed by the crm module; customer_class stays the class
-- set by hand (with class_reason), which wins while it is set.
alter table customer add column computed_class varchar(1);
create index ix_customer_account_manager on customer (account_manager_user_id, key_account);
