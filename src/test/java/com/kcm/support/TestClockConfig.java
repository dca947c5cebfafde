package com.kcm.support;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

	@Bean
	@Primary
	MutableClock testClock(ObjectProvider<CacheManager> caches) {
		MutableClock clock = new MutableClock();
		clock.whenSetBack(() -> caches.ifAvailable(m -> m.getCacheNames().forEach(name -> m.getCache(name).invalidate())));
		return clock;
	}
}
