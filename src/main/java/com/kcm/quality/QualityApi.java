package com.kcm.quality;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kcm.shared.domain.ValidationException;

/** Appendix A.2: {@code POST /api/v1/repair-orders} and {@code GET /api/v1/vehicles/{vin}/sanbao?at=}. */
@RestController
@RequestMapping("/api/v1")
class QualityApi {

	private final RepairOrderImport imports;
	private final SanbaoWatch watch;
	private final ReplacementRequests requests;

	QualityApi(RepairOrderImport imports, SanbaoWatch watch, ReplacementRequests requests) {
		this.imports = imports;
		this.watch = watch;
		this.requests = requests;
	}

	/** An Art. 28 request: {@code {"kind":"REPLACEMENT"|"REFUND","requestedAt"?}}. */
	record RequestBody28(String kind, OffsetDateTime requestedAt) {
	}

	record AnswerBody(String answer) {
	}

	@PostMapping("/complaints/{id}/replacement-requests")
	@PreAuthorize(QualityRoles.REQUEST)
	org.springframework.http.ResponseEntity<ReplacementRequestView> recordRequest(@PathVariable long id,
			@RequestBody RequestBody28 body) {
		return org.springframework.http.ResponseEntity.status(201).body(requests.record(id, body.kind(),
				body.requestedAt() == null ? null : body.requestedAt().toInstant()));
	}

	@GetMapping("/complaints/{id}/replacement-requests")
	@PreAuthorize(QualityRoles.READ)
	List<ReplacementRequestView> requestsOf(@PathVariable long id) {
		return requests.ofComplaint(id);
	}

	@PostMapping("/replacement-requests/{id}/answer")
	@PreAuthorize(QualityRoles.REQUEST)
	ReplacementRequestView answer(@PathVariable long id, @RequestBody AnswerBody body) {
		return requests.answer(id, body.answer());
	}

	@PostMapping("/replacement-requests/{id}/complete")
	@PreAuthorize(QualityRoles.REQUEST)
	ReplacementRequestView complete(@PathVariable long id) {
		return requests.complete(id);
	}

	@PostMapping("/repair-orders")
	@PreAuthorize(QualityRoles.IMPORT)
	Imported importOrders(@RequestBody List<RepairOrderCommand> body) {
		return new Imported(imports.importAll(body, "api"));
	}

	@GetMapping("/vehicles/{vin}/sanbao")
	@PreAuthorize(QualityRoles.READ)
	SanbaoAnswer sanbao(@PathVariable String vin, @RequestParam(required = false) String at) {
		return SanbaoAnswer.of(watch.stateOf(vin, instant(at)));
	}

	/** An instant with offset; a '+' sent unencoded in the query arrives as a space and is taken back. */
	static Instant instant(String at) {
		if (at == null || at.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(at.strip().replace(' ', '+')).toInstant();
		} catch (DateTimeParseException e) {
			throw ValidationException.of("at", "quality.at.invalid");
		}
	}



	record Imported(int imported) {
	}

	/** A vehicle's Sanbao state: its periods (ISO dates), repair days so far and each rule's flag. */
	record SanbaoAnswer(String vin, String start, String sanbaoUntil, String warrantyUntil, int repairDays,
			List<FlagAnswer> flags) {

		static SanbaoAnswer of(SanbaoState s) {
			return new SanbaoAnswer(s.vin(), text(s.start()), text(s.sanbaoUntil()), text(s.warrantyUntil()),
					s.repairDays(), s.flags().stream().map(FlagAnswer::of).toList());
		}

		private static String text(java.time.LocalDate d) {
			return d == null ? null : d.toString();
		}
	}

	/** One rule's flag; the fault, system, part, remedy and repair order only when the rule names them. */
	record FlagAnswer(String code, String state, int figure, int threshold, String article,
			@JsonInclude(JsonInclude.Include.NON_NULL) String faultCode,
			@JsonInclude(JsonInclude.Include.NON_NULL) String system,
			@JsonInclude(JsonInclude.Include.NON_NULL) String partNo,
			@JsonInclude(JsonInclude.Include.NON_NULL) String remedy,
			@JsonInclude(JsonInclude.Include.NON_NULL) String repairOrderNo) {

		static FlagAnswer of(SanbaoFlag f) {
			return new FlagAnswer(f.code(), f.state(), f.figure(), f.threshold(), f.article(), f.faultCode(), f.system(),
					f.partNo(), f.remedy(), f.repairOrderNo());
		}
	}
}
