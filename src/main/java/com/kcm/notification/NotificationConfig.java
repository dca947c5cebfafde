package com.kcm.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfig {

	/** Aliyun SMS, on only when its AccessKey is configured ({@code kcm.sms.aliyun.access-key-id}). */
	@Bean
	@ConditionalOnProperty(prefix = "kcm.sms.aliyun", name = "access-key-id")
	SmsGateway aliyunSmsGateway(AliyunSmsProperties properties, Clock clock) {
		return new AliyunSmsGateway(properties, RestClient.builder(), clock);
	}

	/** Only logs; replaced by any other {@link SmsGateway} bean. */
	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	SmsGateway loggingSmsGateway() {
		return new LoggingSmsGateway();
	}
}
