/**
 * Major complaints (重大抱怨, SPEC §6): flagging with the trigger checklist, the first phone report, the
 * dossier the dealer collects (vehicle, eight photos, customer, official findings, cause, plan) with its
 * completeness, uploads checked by content and stripped of location data, the written report generated as a
 * PDF, the region's follow-up and confirmation, special and outbound-service claims, and the consequences for
 * the dealer through the assessment and dealer modules. Publishes {@link com.kcm.major.MajorComplaintFlagged},
 * {@link com.kcm.major.MajorReportDueSoon} and {@link com.kcm.major.MajorReportOverdue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Major complaints")
package com.kcm.major;
