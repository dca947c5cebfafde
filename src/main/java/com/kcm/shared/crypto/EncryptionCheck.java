package com.kcm.shared.crypto;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proves that the configured key opens the stored personal data (SPEC §8 backup and restore): every ciphertext of
 * every {@link EncryptedColumn} is decrypted, and where a lookup hash is stored it is recomputed and compared.
 * Started with {@code kcm.crypto.verify=true} ({@code KCM_VERIFY_ENCRYPTION=true}), the application checks after
 * start-up, logs the counts and exits with 0 when everything opened and 1 otherwise (used by
 * {@code drills/backup-restore.sh}).
 */
@Component
class EncryptionCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EncryptionCheck.class);

	private final List<EncryptedColumn> columns;
	private final PersonalDataCipher cipher;
	private final JdbcClient jdbc;
	private final ConfigurableApplicationContext context;
	private final boolean verifyAndExit;

	EncryptionCheck(List<EncryptedColumn> columns, PersonalDataCipher cipher, JdbcClient jdbc,
			ConfigurableApplicationContext context, @Value("${kcm.crypto.verify:false}") boolean verifyAndExit) {
		this.columns = columns;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.context = context;
		this.verifyAndExit = verifyAndExit;
	}

	/** The outcome for one column. */
	public record ColumnResult(String name, long values, long failed) {
	}

	public List<ColumnResult> check() {
		List<ColumnResult> results = new ArrayList<>();
		for (EncryptedColumn c : columns) {
			long[] counts = new long[2];
			jdbc.sql(c.query()).query((RowCallbackHandler) rs -> {
				String stored = rs.getString(1);
				if (stored == null) {
					return;
				}
				counts[0]++;
				try {
					String plain = cipher.decrypt(stored);
					if (c.hashPrefix() != null && !cipher.lookupHash(c.hashPrefix() + plain).equals(rs.getString(2))) {
						counts[1]++;
					}
				} catch (RuntimeException e) {
					counts[1]++;
				}
			});
			results.add(new ColumnResult(c.name(), counts[0], counts[1]));
		}
		return results;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!verifyAndExit) {
			return;
		}
		List<ColumnResult> results = check();
		long failed = results.stream().mapToLong(ColumnResult::failed).sum();
		results.forEach(r -> log.info("encryption check: {}: {} value(s), {} failed", r.name(), r.values(), r.failed()));
		log.info("encryption check: {}", failed == 0 ? "every value opened with the configured key" : failed + " value(s) FAILED to open");
		int code = failed == 0 ? 0 : 1;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
