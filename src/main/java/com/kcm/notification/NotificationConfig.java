package com.kcm.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfig {

	/**
	 * Aliyun SMS when its AccessKey is configured ({@code kcm.sms.aliyun.access-key-id}), otherwise a gateway
	 * that only logs. Chosen when the application starts, not by a bean condition: the AOT-processed start
	 * (ADR 0005) fixes its beans when it is built.
	 */
	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	SmsGateway smsGateway(AliyunSmsProperties properties, Clock clock) {
		if (properties.accessKeyId() == null || properties.accessKeyId().isBlank()) {
			return new LoggingSmsGateway();
		}
		return new AliyunSmsGateway(properties, RestClient.builder(), clock);
	}
}
