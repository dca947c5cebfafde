/**
 * Notifications (SPEC §10): e-mail and SMS to dealers, after-sales, customer service and regional staff,
 * sent after the business transaction commits through the reliable outbox (the Spring Modulith event
 * publication registry). Each message is recorded in {@code notification} under a unique key so a
 * republished event never sends it twice. Gateways: SMTP ({@code spring.mail.*}) and a pluggable
 * {@link com.kcm.notification.SmsGateway}. Never called inside a business transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package com.kcm.notification;
