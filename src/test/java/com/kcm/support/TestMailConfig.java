package com.kcm.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A GreenMail SMTP server on a free port for the shared test context ({@code spring.mail.host=localhost}
 * in the test configuration, the port set here), and an SMS gateway that records what it is given.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailConfig {

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
				.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		mail.start();
		return mail;
	}

	@Bean
	DynamicPropertyRegistrar smtpPort(GreenMail greenMail) {
		return registry -> registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@Bean
	RecordingSmsGateway recordingSmsGateway() {
		return new RecordingSmsGateway();
	}
}
