-- The statement aggregate (Statement, docs/assessment.md) maps its codes onto enums; the columns accept exactly
-- those codes.
alter table statement add constraint ck_statement_status
    check (status in ('DRAFT', 'PUBLISHED', 'APPROVED', 'SETTLED', 'SUPERSEDED'));
alter table statement add constraint ck_statement_settlement_method
    check (settlement_method in ('PAYMENT', 'DEPOSIT_DEDUCTION', 'CLAIM_SETTLEMENT_DEDUCTION', 'NONE'));
alter table statement_line add constraint ck_statement_line_kind
    check (kind in ('SUPPORT', 'PENALTY', 'SETTLED_BEFORE'));
alter table statement_appeal add constraint ck_statement_appeal_status
    check (status in ('OPEN', 'ACCEPTED', 'REJECTED'));
