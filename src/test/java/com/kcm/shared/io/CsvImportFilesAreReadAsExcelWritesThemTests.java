package com.kcm.shared.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kcm.shared.domain.ValidationException;

/** CSV import files: RFC 4180 as Excel writes it, in UTF-8 (with or without BOM) or GBK, numbered as the sheet shows. */
class CsvImportFilesAreReadAsExcelWritesThemTests {

	static List<TabularFile.Row> read(byte[] bytes) {
		return TabularFile.read("customers.csv", new ByteArrayInputStream(bytes));
	}

	static List<TabularFile.Row> read(String text) {
		return read(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
		List<TabularFile.Row> rows = read("Name,Note\r\n\"Wang, Li\",\"said \"\"hi\"\"\r\nand left\"\r\nZhao,\r\n");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("name")).isEqualTo("Wang, Li");
		assertThat(rows.get(0).get("NOTE")).isEqualTo("said \"hi\"\r\nand left");
		assertThat(rows.get(1).get("name")).isEqualTo("Zhao");
		assertThat(rows.get(1).get("note")).isNull();
		assertThat(rows.get(1).number()).isEqualTo(3);
	}

	@Test
	void lineEndingsMayBeCrLfLfOrCrAndTheLastMayBeMissing() {
		for (String text : List.of("a,b\r\n1,2\r\n3,4", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4")) {
			List<TabularFile.Row> rows = read(text);
			assertThat(rows).extracting(r -> r.get("a") + r.get("b")).as(text).containsExactly("12", "34");
			assertThat(rows).extracting(TabularFile.Row::number).containsExactly(2, 3);
		}
	}

	@Test
	void blankLinesAreSkippedButKeepTheirRowNumbers() {
		List<TabularFile.Row> rows = read("vin,plate\n\nV1,P1\n , \nV2,P2\n");
		assertThat(rows).extracting(r -> r.get("vin")).containsExactly("V1", "V2");
		assertThat(rows).extracting(TabularFile.Row::number).containsExactly(3, 5);
	}

	@Test
	void aShortRowLeavesTheMissingColumnsEmptyAndExtraCellsAreIgnored() {
		List<TabularFile.Row> rows = read("a,b,c\n1\n1,2,3,4\n");
		assertThat(rows.get(0).get("b")).isNull();
		assertThat(rows.get(1).values()).containsOnlyKeys("a", "b", "c");
	}

	@Test
	void utf8WithByteOrderMarkAndGbkAreBothRead() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] utf8 = "姓名,电话\n王力,13900000000\n".getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[bom.length + utf8.length];
		System.arraycopy(bom, 0, withBom, 0, bom.length);
		System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
		assertThat(read(withBom).get(0).get("姓名")).isEqualTo("王力");
		assertThat(read("姓名,电话\n王力,13900000000\n".getBytes(Charset.forName("GBK"))).get(0).get("姓名")).isEqualTo("王力");
	}

	@Test
	void anEmptyFileIsRefusedNamingTheFile() {
		assertThatThrownBy(() -> read("")).isInstanceOf(ValidationException.class)
				.satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(v -> v.field())
						.containsExactly("file"));
	}
}
