package com.kcm.voice;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;
import com.kcm.customer.CareRecipients;
import com.kcm.identity.DemoSignIn;
import com.kcm.shared.TimeConfig;

/**
 * Demo consents (README): the first demo customers with a mobile get their consents recorded as a customer
 * service agent would — most agree to surveys and care messages, some to marketing, one withdrew care by phone —
 * so the 360° page, the consent changes page and the care job have something to show. The care templates come
 * with the migration. Runs once (order 70): only while no consent is recorded.
 */
@Component
@Order(70)
class VoiceDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(VoiceDemoData.class);

	private final Consents consents;
	private final ConsentRecordRepository records;
	private final CareRecipients recipients;
	private final DemoSignIn signIn;
	private final Clock clock;

	VoiceDemoData(Consents consents, ConsentRecordRepository records, CareRecipients recipients, DemoSignIn signIn,
			Clock clock) {
		this.consents = consents;
		this.records = records;
		this.recipients = recipients;
		this.signIn = signIn;
		this.clock = clock;
	}

	@Override
	public void loadDemo() {
		if (records.count() > 0) {
			return;
		}
		try {
			signIn.runAs("aftersales", this::consents);
		} catch (RuntimeException e) {
			log.warn("Demo consents incomplete: {}", e.toString());
		}
	}

	private void consents() {
		List<CareRecipients.Recipient> customers = recipients.withMobile(0, 24);
		var now = clock.instant().atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
		int n = 0;
		for (CareRecipients.Recipient c : customers) {
			var signed = now.minus(Duration.ofDays(90 - n * 3L));
			if (n % 6 != 5) {
				consents.record(c.customerId(), new ConsentCommand("SURVEY", "GIVEN", "PAPER", signed, "购车时签署《客户信息使用同意书》"));
				consents.record(c.customerId(), new ConsentCommand("CARE", "GIVEN", "PAPER", signed, "购车时签署《客户信息使用同意书》"));
			}
			if (n % 3 == 0) {
				consents.record(c.customerId(), new ConsentCommand("MARKETING", "GIVEN", "PHONE", signed.plusDays(1), "回访时口头同意"));
			}
			if (n == 4) {
				consents.record(c.customerId(), new ConsentCommand("CARE", "WITHDRAWN", "PHONE", now.minusDays(2), "客户来电要求不再发送关怀短信"));
			}
			n++;
		}
		log.info("Demo consents recorded for {} customers", customers.size());
	}
}
