package com.kcm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AotStartCheckTests {

	@Test
	void theDefaultsAndNativeForwardedHeadersAreSupported() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.threads.virtual.enabled", "false")
				.withProperty("spring.data.jpa.repositories.bootstrap-mode", "deferred")
				.withProperty("server.forward-headers-strategy", "native");
		assertThat(AotStartCheck.unsupported(env)).isEmpty();
		assertThat(AotStartCheck.unsupported(new MockEnvironment())).isEmpty();
	}

	@Test
	void eachBeanChoosingSettingIsNamedWithItsVariable() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.threads.virtual.enabled", "true")
				.withProperty("spring.data.jpa.repositories.bootstrap-mode", "lazy")
				.withProperty("server.forward-headers-strategy", "FRAMEWORK");
		assertThat(AotStartCheck.unsupported(env)).containsExactly(
				"KCM_VIRTUAL_THREADS=true (spring.threads.virtual.enabled; supported: false)",
				"KCM_REPOSITORIES_BOOTSTRAP=lazy (spring.data.jpa.repositories.bootstrap-mode; supported: deferred)",
				"KCM_FORWARD_HEADERS=FRAMEWORK (server.forward-headers-strategy; supported: none or native)");
	}
}
