package com.kcm;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.event.EventListener;

/**
 * KCM — Key Customer Management System (关键客户管理系统): closed-loop complaint management
 * for a car maker's after-sales organisation and its dealer network.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KcmApplication {

	public static void main(String[] args) {
		SpringApplication.run(KcmApplication.class, args);
	}

	/** Logged once every start-up task (migrations, demo data) is done: scripts wait for this line. */
	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		LoggerFactory.getLogger(KcmApplication.class).info("KCM is ready");
	}
}
