/**
 * Customer relationship (SPEC §7.1-7.3): the customer class rule (A/B/C from an effective-dated policy, the
 * class set by hand winning), key accounts (组织资料, contacts, account manager) with their visit plan, visit
 * records and contracts, the communication log, and the customer 360° page that merges every module's
 * records into one timeline ({@link com.kcm.crm.CustomerTimelineSource}). Publishes
 * {@link com.kcm.crm.OverdueVisitsListed} for the weekly e-mail to each account manager.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer relationship")
package com.kcm.crm;
