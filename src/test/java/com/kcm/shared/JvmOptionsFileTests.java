package com.kcm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The production start's JVM options ({@code src/main/jvm/kcm.args}, which bin/build-aot puts beside kcm.jar, ADR
 * 0006) are read by this JDK as the README's command reads them: {@code java @kcm.args}, from that directory.
 */
class JvmOptionsFileTests {

	private static final Path DIR = Path.of("src/main/jvm");

	@Test
	void theOptionsFileAndItsCompilerDirectivesAreAcceptedByTheJdk() throws Exception {
		Result r = java("@kcm.args", "-XshowSettings:properties", "-version");

		assertThat(r.exit()).as(r.output()).isZero();
		assertThat(r.output()).contains("spring.aot.enabled = true").containsPattern("\\d+ compiler directives added");
	}

	@Test
	void aBrokenDirectivesFileStopsTheStartInsteadOfBeingIgnored() throws Exception {
		Path broken = Files.createTempFile("kcm-jit", ".json");
		try {
			Files.writeString(broken, "[ { match: [\"a/B.c\"], c2: { Exclude: yes } } ]");
			Result r = java("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + broken, "-version");

			assertThat(r.exit()).isNotZero();
			assertThat(r.output()).contains("compiler directives");
		} finally {
			Files.deleteIfExists(broken);
		}
	}

	@Test
	void everyDirectivePatternNamesAPackageOrClassThatExists() throws Exception {
		String json = Files.readString(DIR.resolve("kcm-jit.json"));
		Matcher m = Pattern.compile("\"([a-z][\\w/]*[\\w*]\\.[\\w*]+)\"").matcher(json);
		List<String> patterns = new ArrayList<>();
		while (m.find()) {
			patterns.add(m.group(1));
		}
		assertThat(patterns).hasSizeGreaterThan(10);
		for (String p : patterns) { // a misspelt name would silently exclude nothing
			String cls = p.substring(0, p.lastIndexOf('.')).replace('/', '.');
			String method = p.substring(p.lastIndexOf('.') + 1);
			if (cls.endsWith(".*")) {
				assertThat(packageExists(cls.substring(0, cls.length() - 2))).as(p).isTrue();
			} else {
				Class<?> type = Class.forName(cls.endsWith("*") ? cls.substring(0, cls.length() - 1) : cls, false,
						getClass().getClassLoader());
				if (!method.contains("*")) { // a method named in full must be one the class declares
					assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName)).as(p).contains(method);
				}
			}
		}
	}

	private static boolean packageExists(String pkg) throws IOException {
		return ModuleLayer.boot().modules().stream().flatMap(mod -> mod.getPackages().stream())
				.anyMatch(name -> name.equals(pkg) || name.startsWith(pkg + "."))
				|| JvmOptionsFileTests.class.getClassLoader().getResources(pkg.replace('.', '/')).hasMoreElements();
	}

	private record Result(int exit, String output) {
	}

	private static Result java(String... args) throws Exception {
		List<String> cmd = new ArrayList<>();
		cmd.add(ProcessHandle.current().info().command().orElse("java"));
		cmd.addAll(List.of(args));
		Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(p.exitValue(), out);
	}
}
