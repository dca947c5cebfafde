package com.kcm.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfig {

	/** Only logs; replaced by any other {@link SmsGateway} bean. */
	@Bean
	@ConditionalOnMissingBean(SmsGateway.class)
	SmsGateway loggingSmsGateway() {
		return new LoggingSmsGateway();
	}
}
