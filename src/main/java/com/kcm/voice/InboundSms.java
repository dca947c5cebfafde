package com.kcm.voice;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.crm.SystemCommunications;
import com.kcm.customer.Customers;
import com.kcm.customer.MobilePhone;
import com.kcm.shared.crypto.PersonalDataCipher;
import com.kcm.shared.domain.Violations;

/**
 * Text messages customers send back through a gateway (SPEC §7.5). A reply of {@code TD} (any case, full-width
 * too) or {@code 退订}, blanks around it ignored, withdraws {@code CARE} and {@code MARKETING} for every active
 * customer with that mobile number; any other reply is kept and written on those customers' communication log,
 * changing nothing. Every reply is stored (number encrypted); a gateway's retry of a message id it already
 * delivered changes nothing.
 */
@Service
class InboundSms {

	enum Outcome { UNSUBSCRIBED, RECORDED, DUPLICATE }

	record Reply(Outcome outcome, int customers) {
	}

	private final Consents consents;
	private final Customers customers;
	private final SystemCommunications log;
	private final PersonalDataCipher cipher;
	private final JdbcClient jdbc;
	private final Clock clock;

	InboundSms(Consents consents, Customers customers, SystemCommunications log, PersonalDataCipher cipher,
			JdbcClient jdbc, Clock clock) {
		this.consents = consents;
		this.customers = customers;
		this.log = log;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static boolean isUnsubscribe(String text) {
		String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		return t.equalsIgnoreCase("TD") || t.equals("退订");
	}

	@Transactional
	Reply receive(String gateway, String mobile, String text, Instant receivedAt, String messageId) {
		Violations v = new Violations();
		Optional<MobilePhone> phone = MobilePhone.parse(mobile);
		if (phone.isEmpty()) {
			v.field("mobile", "voice.inbound.mobile");
		}
		if (text == null || text.isBlank()) {
			v.field("text", "error.required");
		} else if (text.length() > 500) {
			v.field("text", "voice.tooLong", 500);
		}
		if (messageId != null && messageId.length() > 64) {
			v.field("messageId", "voice.tooLong", 64);
		}
		v.throwIfAny();
		String id = messageId == null || messageId.isBlank() ? null : messageId.strip();
		if (id != null && jdbc.sql("select count(*) from inbound_sms where gateway = ? and message_id = ?")
				.param(gateway).param(id).query(Long.class).single() > 0) {
			return new Reply(Outcome.DUPLICATE, 0);
		}
		Instant now = clock.instant();
		Instant at = receivedAt == null || receivedAt.isAfter(now) ? now : receivedAt;
		String by = "短信网关 " + gateway;
		boolean unsubscribe = isUnsubscribe(text);
		List<Long> ids;
		if (unsubscribe) {
			ids = consents.withdrawByMobile(phone.get().value(), EnumSet.of(ConsentPurpose.CARE, ConsentPurpose.MARKETING),
					ConsentChannel.SMS, by, "短信回复「" + text.strip() + "」");
		} else {
			ids = customers.idsByPhone(phone.get().value());
		}
		for (long customer : ids) {
			log.logSms(customer, true, at, by, (unsubscribe ? "短信退订（撤回关怀、营销同意）：" : "短信回复：") + text.strip());
		}
		jdbc.sql("""
				insert into inbound_sms (gateway, message_id, mobile_cipher, mobile_hash, body, received_at, outcome,
				  customers, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(gateway, id, cipher.encrypt(phone.get().value()), cipher.lookupHash("phone:" + phone.get().value()),
						text, at.atOffset(ZoneOffset.UTC), (unsubscribe ? Outcome.UNSUBSCRIBED : Outcome.RECORDED).name(),
						ids.size(), now.atOffset(ZoneOffset.UTC))
				.update();
		return new Reply(unsubscribe ? Outcome.UNSUBSCRIBED : Outcome.RECORDED, ids.size());
	}
}
