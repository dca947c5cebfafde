package com.kcm.voice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/customers/{id}/consents}: a customer's consents now and their history; recording a change. */
@RestController
@PreAuthorize(VoiceRoles.CONSENTS)
@Tag(name = "Consents", description = "同意管理 (SPEC §7.5): per customer and purpose, append-only history (docs/voice.md)")
class ConsentApi {

	/** One recorded change; {@code state} {@code GIVEN} or {@code WITHDRAWN}. */
	record ConsentAnswer(long id, long customerId, ConsentPurpose purpose, String state, OffsetDateTime at,
			ConsentChannel channel, String note, String recordedBy, OffsetDateTime recordedAt) {

		static ConsentAnswer of(ConsentView v) {
			return new ConsentAnswer(v.id(), v.customerId(), v.purpose(), v.given() ? "GIVEN" : "WITHDRAWN", time(v.at()),
					v.channel(), v.note(), v.recordedBy(), time(v.recordedAt()));
		}
	}

	/** A purpose's state now: in force or not, and since when (the latest record; null when none). */
	record StateAnswer(ConsentPurpose purpose, boolean inForce, OffsetDateTime since, ConsentChannel channel,
			String recordedBy) {
	}

	/** The current state of every purpose and one page of the history, newest first. */
	record ConsentsAnswer(long customerId, List<StateAnswer> current, List<ConsentAnswer> history, int page, int size,
			long total) {
	}

	private final Consents consents;

	ConsentApi(Consents consents) {
		this.consents = consents;
	}

	@GetMapping("/api/v1/customers/{id}/consents")
	@Operation(summary = "A customer's consents: each purpose's state now and the history (paged, newest first); scoped, 404 when not visible")
	ConsentsAnswer get(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		List<StateAnswer> current = consents.current(id).stream()
				.map(s -> new StateAnswer(s.purpose(), s.inForce(), s.latest() == null ? null : time(s.latest().at()),
						s.latest() == null ? null : s.latest().channel(), s.latest() == null ? null : s.latest().recordedBy()))
				.toList();
		Page<ConsentView> history = consents.history(id, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
		return new ConsentsAnswer(id, current, history.map(ConsentAnswer::of).getContent(), history.getNumber(),
				history.getSize(), history.getTotalElements());
	}

	@PostMapping("/api/v1/customers/{id}/consents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a consent given or withdrawn: {purpose, state: GIVEN|WITHDRAWN, channel, at?, note?}; audited")
	ConsentAnswer record(@PathVariable long id, @RequestBody ConsentCommand body) {
		return ConsentAnswer.of(consents.record(id, body));
	}

	static OffsetDateTime time(Instant at) {
		return at.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
	}
}
