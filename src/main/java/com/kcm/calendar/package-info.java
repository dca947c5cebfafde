/**
 * The business calendar (SPEC §3): working days (Monday–Friday minus statutory holidays plus make-up
 * working days), the published yearly schedules, and the deadline rules every clock of the system uses —
 * business date, day-limit, working-day, hour and same-day deadlines — through
 * {@link com.kcm.calendar.BusinessCalendar}. The cut-off comes from the policy in force at the start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendar")
package com.kcm.calendar;
