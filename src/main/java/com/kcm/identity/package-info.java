/**
 * Identity and access: users, the roles of SPEC §1, passwords, lockout, API tokens and the caller's
 * scope. Every other module asks {@link com.kcm.identity.CurrentUsers} who is calling and puts the
 * {@link com.kcm.identity.Scope} into its own queries (SPEC §8).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package com.kcm.identity;
