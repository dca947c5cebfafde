/**
 * Effective-dated policy parameters (SPEC §9): every number the SPEC calls configurable is a named,
 * typed {@link com.kcm.policy.PolicyName} with a history of values, each in force from its date. A
 * computation for a past period asks {@link com.kcm.policy.Policies} for the value in force then.
 * Changing a value needs {@code ADMIN} or {@code AFTER_SALES_MANAGER}, a reason, and is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies")
package com.kcm.policy;
