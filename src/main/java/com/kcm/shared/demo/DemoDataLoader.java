package com.kcm.shared.demo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads every module's {@link DemoData}, in their order, when {@code kcm.demo=true}; does nothing otherwise.
 * Runs after the bootstrap administrator (order 0) and before the other start-up runners.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

	private final ObjectProvider<DemoData> demoData;
	private final boolean enabled;

	DemoDataLoader(ObjectProvider<DemoData> demoData, @Value("${kcm.demo:false}") boolean enabled) {
		this.demoData = demoData;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (enabled) {
			demoData.orderedStream().forEach(DemoData::loadDemo);
		}
	}
}
