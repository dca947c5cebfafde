/**
 * Dealer assessment (SPEC §5): monthly indicators from the complaint module's handling facts as of a
 * cut-off, complaint limits, support conditions, penalties, statements and the monthly bulletin.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dealer assessment")
package com.kcm.assessment;
