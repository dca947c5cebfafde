package com.kcm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
}
