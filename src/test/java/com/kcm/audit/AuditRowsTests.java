package com.kcm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kcm.shared.sql.Insert;
import com.kcm.support.KcmTest;
import com.kcm.support.MappedColumns;

/**
 * An audit entry written in another module's batch ({@link Audit.Entry}, ADR 0002) becomes its row here
 * ({@link AuditRows}): this test holds that row to the JPA mapping of {@link AuditEntry}.
 */
@KcmTest
class AuditRowsTests {

	@Autowired
	Audit audit;

	@Autowired
	AuditRows rows;

	@Autowired
	EntityManagerFactory emf;

	@Test
	void theRowOfAnEntryWritesEveryMappedColumn() {
		Insert entry = rows.insert(audit.entry(Audit.CREATE, "complaint", 7L, null, Map.of("id", 7)));
		assertThat(entry.table()).isEqualTo("audit_entry");
		assertThat(new TreeSet<>(entry.columns())).isEqualTo(MappedColumns.of(emf, AuditEntry.class));
		assertThat(entry.columns()).doesNotHaveDuplicates();
	}
}
