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
	Map<String, Object> importOrders(@RequestBody List<RepairOrderCommand> body) {
		return Map.of("imported", imports.importAll(body, "api"));
	}

	@GetMapping("/vehicles/{vin}/sanbao")
	@PreAuthorize(QualityRoles.READ)
	Map<String, Object> sanbao(@PathVariable String vin, @RequestParam(required = false) String at) {
		return json(watch.stateOf(vin, instant(at)));
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

	static Map<String, Object> json(SanbaoState s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("vin", s.vin());
		m.put("start", s.start() == null ? null : s.start().toString());
		m.put("sanbaoUntil", s.sanbaoUntil() == null ? null : s.sanbaoUntil().toString());
		m.put("warrantyUntil", s.warrantyUntil() == null ? null : s.warrantyUntil().toString());
		m.put("repairDays", s.repairDays());
		m.put("flags", s.flags().stream().map(QualityApi::json).toList());
		return m;
	}

	static Map<String, Object> json(SanbaoFlag f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", f.code());
		m.put("state", f.state());
		m.put("figure", f.figure());
		m.put("threshold", f.threshold());
		m.put("article", f.article());
		putIf(m, "faultCode", f.faultCode());
		putIf(m, "system", f.system());
		putIf(m, "partNo", f.partNo());
		putIf(m, "remedy", f.remedy());
		putIf(m, "repairOrderNo", f.repairOrderNo());
		return m;
	}

	private static void putIf(Map<String, Object> m, String key, Object value) {
		if (value != null) {
			m.put(key, value);
		}
	}
}
