/**
 * Privacy duties of SPEC §8: the periodic review of the access log with sign-off, the breach workflow for
 * personal-data incidents, and the second approval of large personal-data exports. Kept out of the audit
 * module because these read policies, and the policy module writes to the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package com.kcm.privacy;
