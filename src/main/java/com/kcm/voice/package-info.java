/**
 * Customer voice and retention (SPEC §7.4–7.6): consents per customer and purpose, satisfaction surveys
 * with their public answer page, customer-care messages, churn figures and retention calls. Offers the
 * consent check every sender of customer messages uses; publishes {@code SurveyAnswered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer voice")
package com.kcm.voice;
