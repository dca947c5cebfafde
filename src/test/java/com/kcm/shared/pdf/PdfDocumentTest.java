package com.kcm.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kcm.support.PdfText;

class PdfDocumentTest {

	@Test
	void chineseTextIsWrittenInTheEmbeddedFontAndReadsBack() {
		byte[] pdf = PdfDocument.bytes("关于张三客户抱怨的报告", body -> {
			body.heading("关于张三客户抱怨的报告");
			body.field("车牌号", "京A12345");
			body.paragraph("客户反映车辆在高速行驶中自燃。");
			body.table(List.of("服务商", "月度闭环率", "金额"),
					List.of(List.of("北京一店", "100.00%", new BigDecimal("3000.00")), java.util.Arrays.asList("上海二店", null, 5)));
		});

		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		assertThat(PdfText.embeddedFonts(pdf)).singleElement().asString().contains("DroidSansFallback");
		String text = PdfText.of(pdf);
		assertThat(text).contains("关于张三客户抱怨的报告", "京A12345", "客户反映车辆在高速行驶中自燃", "北京一店", "3000.00", "上海二店");
	}
}
