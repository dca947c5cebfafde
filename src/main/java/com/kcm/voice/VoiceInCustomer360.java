package com.kcm.voice;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;

import com.kcm.crm.CustomerConsentSource;
import com.kcm.crm.CustomerTimelineSource;
import com.kcm.crm.TimelineEntry;

/**
 * What this module adds to the customer 360° page (SPEC §7.1): the consents section (each purpose's state now,
 * a change form, a link to the history) and every consent record on the timeline.
 */
@Configuration(proxyBeanMethods = false)
class VoiceInCustomer360 {

	@Bean
	CustomerConsentSource consentSection(Consents consents, MessageSource messages, Clock clock) {
		return new CustomerConsentSource() {
			@Override
			public List<ConsentLine> consents(long customerId) {
				return consents.states(customerId, clock.instant()).stream()
						.map(s -> new ConsentLine(s.purpose().name(), text(messages, "voice.purpose." + s.purpose()),
								s.inForce(), s.latest() == null ? null : s.latest().at(),
								s.latest() == null ? null : text(messages, "voice.channel." + s.latest().channel()),
								s.latest() == null ? null : s.latest().recordedBy()))
						.toList();
			}

			@Override
			public String path(long customerId) {
				return "/customers/" + customerId + "/consents";
			}

			@Override
			public List<Option> purposes() {
				return Arrays.stream(ConsentPurpose.values())
						.map(p -> new Option(p.name(), text(messages, "voice.purpose." + p))).toList();
			}

			@Override
			public List<Option> channels() {
				return Arrays.stream(ConsentChannel.values())
						.map(c -> new Option(c.name(), text(messages, "voice.channel." + c))).toList();
			}
		};
	}

	@Bean
	CustomerTimelineSource consentTimeline(ConsentRecordRepository records, MessageSource messages) {
		return CustomerTimelineSource.of(Set.of("CONSENT"), (customerId, limit) -> {
			return records.findByCustomerIdOrderByEffectiveAtDescIdDesc(customerId, PageRequest.of(0, limit)).stream()
					.map(ConsentRecord::view)
					.map(v -> new TimelineEntry("CONSENT", v.at(),
							text(messages, "voice.purpose." + v.purpose()) + " · "
									+ text(messages, v.given() ? "voice.consent.GIVEN" : "voice.consent.WITHDRAWN"),
							text(messages, "voice.channel." + v.channel()) + " · " + v.recordedBy()
									+ (v.note() == null ? "" : " · " + v.note()),
							v.given() ? "GIVEN" : "WITHDRAWN", "/customers/" + customerId + "/consents"))
					.toList();
		});
	}

	static String text(MessageSource messages, String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
