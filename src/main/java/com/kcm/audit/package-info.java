/**
 * The append-only audit trail (SPEC §8): every change with who, when, before and after; logins and
 * failed logins; denied access; every full view of personal data. Entries are only ever inserted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.kcm.audit;
