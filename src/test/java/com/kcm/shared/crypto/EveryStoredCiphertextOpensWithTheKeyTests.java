package com.kcm.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/** The key check the backup drill runs after a restore: every ciphertext opens and its lookup hash matches. */
@KcmTest
class EveryStoredCiphertextOpensWithTheKeyTests {

	@LocalServerPort
	int port;

	@Autowired
	EncryptionCheck check;

	@Test
	void everyEncryptedColumnIsCheckedAndOpens() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String phone = "137" + String.format("%08d", (int) (Math.random() * 100_000_000));
		assertThat(admin.post("/customers", Map.of("name", "密钥检查", "kind", "INDIVIDUAL", "phone", phone)).status())
				.isEqualTo(201);
		var results = check.check();
		assertThat(results).extracting(EncryptionCheck.ColumnResult::name).contains("customer.phone", "customer.phone2",
				"customer.id_number", "major_dossier_item.customer_contact");
		assertThat(results).filteredOn(r -> r.name().equals("customer.phone")).allMatch(r -> r.values() > 0);
		assertThat(results).allMatch(r -> r.failed() == 0);
	}
}
