package com.kcm.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.aot.AotDetector;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The AOT-processed start ({@code -Dspring.aot.enabled=true}, ADR 0005) runs with the beans chosen when the
 * artefact was built, so a setting that would choose other beans cannot take effect on it. Rather than ignore
 * such a setting, the start stops with a message naming it. Settings the application reads at start-up (every
 * other {@code KCM_*} variable, including {@code KCM_DEMO}, {@code KCM_DB_REPLICA_URL} and the SMS gateway) work
 * on both starts.
 */
@Component
class AotStartCheck {

	/** A setting that chooses beans, its environment variable and the only value the AOT start supports. */
	record BuildTimeSetting(String property, String variable, List<String> supported) {
	}

	static final List<BuildTimeSetting> SETTINGS = List.of(
			new BuildTimeSetting("spring.threads.virtual.enabled", "KCM_VIRTUAL_THREADS", List.of("false")),
			new BuildTimeSetting("spring.data.jpa.repositories.bootstrap-mode", "KCM_REPOSITORIES_BOOTSTRAP",
					List.of("deferred")),
			new BuildTimeSetting("server.forward-headers-strategy", "KCM_FORWARD_HEADERS", List.of("none", "native")));

	AotStartCheck(Environment env) {
		if (AotDetector.useGeneratedArtifacts()) {
			List<String> problems = unsupported(env);
			if (!problems.isEmpty()) {
				throw new IllegalStateException("The AOT-processed start (-Dspring.aot.enabled=true) cannot apply "
						+ String.join("; ", problems) + ". Start without -Dspring.aot.enabled=true to use "
						+ (problems.size() == 1 ? "this setting" : "these settings") + " (docs/operations.md, ADR 0005).");
			}
		}
	}

	/** The settings of {@code env} that the AOT start cannot apply, each described with its variable. */
	static List<String> unsupported(Environment env) {
		List<String> problems = new ArrayList<>();
		for (BuildTimeSetting s : SETTINGS) {
			String value = env.getProperty(s.property());
			if (value != null && !value.isBlank() && !s.supported().contains(value.trim().toLowerCase(Locale.ROOT))) {
				problems.add(s.variable() + "=" + value.trim() + " (" + s.property() + "; supported: "
						+ String.join(" or ", s.supported()) + ")");
			}
		}
		return problems;
	}
}
