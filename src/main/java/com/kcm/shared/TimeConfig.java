package com.kcm.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} of the application; tests replace it to move time. */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

	/** Business time zone of SPEC: every date rule is done in this zone. */
	public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
