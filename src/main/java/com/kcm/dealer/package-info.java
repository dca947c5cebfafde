/**
 * The dealer network (SPEC §2): regions, dealers (4S/3S) with their dated status and star-level
 * history. Offers dealer lookups to the other modules and implements identity's
 * {@link com.kcm.identity.OrganisationDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dealer network")
package com.kcm.dealer;
