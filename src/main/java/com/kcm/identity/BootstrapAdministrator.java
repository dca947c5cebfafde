package com.kcm.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code KCM_BOOTSTRAP_ADMIN_PASSWORD}: creates user {@code admin} when no administrator exists (Appendix A). */
@Component
@Order(0)
class BootstrapAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	private final UserAdministration users;
	private final String password;

	BootstrapAdministrator(UserAdministration users, @Value("${kcm.bootstrap-admin-password:}") String password) {
		this.users = users;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (password != null && !password.isBlank() && users.bootstrapAdministrator(password)) {
			log.info("Created administrator 'admin' from KCM_BOOTSTRAP_ADMIN_PASSWORD");
		}
	}
}
