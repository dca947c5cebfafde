package com.kcm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerNetwork;
import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.PdfText;

import tools.jackson.databind.JsonNode;

/** SPEC §7.9: goodwill proposed by the dealer, approved by after-sales, summed per dealer and month; the printable form. */
@KcmTest
class GoodwillAndHandlingFormTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	private long dispatchedComplaint(Api admin, String dealer, String phone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "COMPLAINT");
		body.put("channel", "HOTLINE_400");
		body.put("category", "PRODUCT_QUALITY");
		body.put("description", "空调异响，多次维修未解决");
		body.put("customer", Map.of("name", "赵先生", "phone", phone));
		Api.Answer a = admin.post("/complaints", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		long id = a.json().get("id").asLong();
		Api.Answer d = admin.post("/complaints/" + id + "/dispatch",
				Map.of("dealerCode", dealer, "category", "PRODUCT_QUALITY", "suggestion", "尽快联系客户"));
		assertThat(d.status()).as(d.body()).isEqualTo(200);
		return id;
	}

	@Test
	void theDealerProposesAfterSalesApprovesAndTheMonthIsSummedPerDealer() {
		CrmFixtures f = new CrmFixtures(port);
		String dealer = CrmFixtures.dealer(network);
		long first = dispatchedComplaint(f.admin, dealer, CrmFixtures.phone());
		long second = dispatchedComplaint(f.admin, dealer, CrmFixtures.phone());
		Api dealerUser = f.as(f.user(List.of("DEALER"), dealer, null));
		Api specialist = f.as(f.user(List.of("AFTER_SALES"), null, null));

		Api.Answer p1 = dealerUser.post("/complaints/" + first + "/goodwill", Map.of("what", "免费更换空调滤芯", "amount", "300.00"));
		assertThat(p1.status()).as(p1.body()).isEqualTo(201);
		assertThat(p1.json().get("status").asString()).isEqualTo("PROPOSED");
		Api.Answer p2 = dealerUser.post("/complaints/" + second + "/goodwill", Map.of("what", "赠送一次保养", "amount", 450.5));
		Api.Answer p3 = dealerUser.post("/complaints/" + second + "/goodwill", Map.of("what", "代步车三天", "amount", 600));
		Api.Answer bad = dealerUser.post("/complaints/" + second + "/goodwill", Map.of("what", " ", "amount", -1));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"what\"", "\"field\":\"amount\"");

		assertThat(dealerUser.post("/goodwill/" + p1.json().get("id").asLong() + "/approve", "{}").status()).isEqualTo(403);
		assertThat(specialist.post("/goodwill/" + p1.json().get("id").asLong() + "/approve", "{}").status()).isEqualTo(200);
		assertThat(specialist.post("/goodwill/" + p2.json().get("id").asLong() + "/approve", "{}").status()).isEqualTo(200);
		assertThat(specialist.post("/goodwill/" + p2.json().get("id").asLong() + "/reject", "{}").status()).isEqualTo(422);
		assertThat(p3.status()).isEqualTo(201);

		String month = YearMonth.now(TimeConfig.BUSINESS_ZONE).toString();
		JsonNode row = null;
		for (JsonNode r : specialist.get("/goodwill/summary?month=" + month).json()) {
			if (r.get("dealerCode").asString().equals(dealer)) {
				row = r;
			}
		}
		assertThat(row).isNotNull();
		assertThat(row.get("approved").asLong()).isEqualTo(2);
		assertThat(row.get("approvedTotal").decimalValue()).isEqualByComparingTo("750.50");
		assertThat(row.get("proposed").asLong()).isEqualTo(1);
		assertThat(row.get("proposedTotal").decimalValue()).isEqualByComparingTo("600.00");
		// another dealer sees nothing of it
		Api otherDealer = f.as(f.user(List.of("DEALER"), CrmFixtures.dealer(network), null));
		assertThat(otherDealer.get("/goodwill/summary?month=" + month).body()).doesNotContain(dealer);
		assertThat(otherDealer.get("/complaints/" + first + "/goodwill").status()).isEqualTo(404);
	}

	@Test
	void theHandlingFormPrintsTheChineseHeadingsAndTheMaskedPhone() {
		CrmFixtures f = new CrmFixtures(port);
		String dealer = CrmFixtures.dealer(network);
		String phone = CrmFixtures.phone();
		long id = dispatchedComplaint(f.admin, dealer, phone);
		f.as(f.user(List.of("DEALER"), dealer, null)).post("/complaints/" + id + "/goodwill",
				Map.of("what", "免费更换空调滤芯", "amount", "300.00"));
		Api.Bytes pdf = f.admin.getBytes("/complaints/" + id + "/handling-form.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		String text = PdfText.of(pdf.body());
		assertThat(text).contains("客户投诉处理表", "投诉事实", "客户信息", "车辆信息", "处理过程", "服务商回复", "回访记录",
				"让步服务", "处理结果", "签字", "免费更换空调滤芯", "空调异响");
		assertThat(text).contains(phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone);
		assertThat(PdfText.embeddedFonts(pdf.body())).isNotEmpty();
	}
}
