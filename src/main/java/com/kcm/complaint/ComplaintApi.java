package com.kcm.complaint;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.kcm.complaint.ComplaintQueries.ComplaintAnswer;
import com.kcm.complaint.ComplaintQueries.WorkOrderAnswer;
import com.kcm.complaint.ComplaintQueries.WorkOrderLine;
import com.kcm.shared.validation.Required;
import com.kcm.shared.web.PageAnswer;

/** The complaint calls of Appendix A and the moves of the closed loop, under {@code /api/v1}. */
@RestController
@RequestMapping("/api/v1")
class ComplaintApi {

	/** A dispatch: an unknown {@code category} is refused with 422 naming the field (case is ignored, as before). */
	record Dispatch(String dealerCode,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Category category, String subCategory,
			String suggestion, String dealerContact) {
	}

	record ReplyBody(OffsetDateTime contactedCustomerAt, @com.fasterxml.jackson.annotation.JsonProperty("final") Boolean finalResult,
			String text, String faultCause, Boolean qualityDefect, List<String> partsReplaced, String repairOrderNo,
			String claimNo, String delayReason) {
	}

	record CallbackBody(@Required Boolean reached, Boolean resolved, Boolean satisfied, Boolean falseReply, String notes) {
	}

	record DealerMove(String dealerCode, String reason) {
	}

	record Reason(String reason,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Category category, String subCategory,
			String notes, String number) {
	}

	private final ComplaintIntake intake;
	private final ComplaintHandling handling;
	private final ComplaintQueries queries;
	private final ComplaintHistoryImport histories;
	private final JsonMapper json;

	ComplaintApi(ComplaintIntake intake, ComplaintHandling handling, ComplaintQueries queries,
			ComplaintHistoryImport histories, JsonMapper json) {
		this.intake = intake;
		this.handling = handling;
		this.queries = queries;
		this.histories = histories;
		this.json = json;
	}

	/**
	 * Live intake; the same {@code Idempotency-Key} with the same body answers 200 with the same complaint. The
	 * small answer is serialized here, so it goes out with its length in one write (streamed JSON goes out
	 * chunked, and its closing chunk is one more network write for every complaint).
	 */
	@PostMapping("/complaints")
	ResponseEntity<byte[]> register(jakarta.servlet.http.HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) throws java.io.IOException {
		JsonNode tree;
		IntakeCommand cmd;
		try {
			// the body-check filter has read a small object body as a tree already: parsed once per request
			tree = request.getAttribute(com.kcm.shared.web.RequestBodyChecks.JSON_TREE) instanceof JsonNode read ? read
					: json.readTree(request.getInputStream().readAllBytes());
			if (tree == null || !tree.isObject()) { // null, a list, a string: not a complaint (SPEC §11)
				throw new org.springframework.http.converter.HttpMessageNotReadableException("not a JSON object",
						(org.springframework.http.HttpInputMessage) null);
			}
			cmd = json.treeToValue(tree, IntakeCommand.class);
		} catch (JacksonException e) {
			throw new org.springframework.http.converter.HttpMessageNotReadableException(e.getOriginalMessage(), e,
					null);
		}
		String canonical = tree.toString();
		ComplaintIntake.Registered r = intake.registerOnce(cmd, key, canonical);
		Registration answer = new Registration(r.complaint().getId(), r.complaint().getStatus());
		return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(answer));
	}

	@GetMapping("/complaints/{id}")
	ComplaintAnswer get(@PathVariable long id) {
		return queries.view(id);
	}

	@GetMapping("/complaints")
	List<ComplaintAnswer> byExternalId(@RequestParam String externalId) {
		return queries.byExternalId(externalId);
	}

	@PostMapping("/complaints/{id}/dispatch")
	WorkOrderAnswer dispatch(@PathVariable long id, @RequestBody Dispatch d) {
		WorkOrder wo = handling.dispatched(id, d.dealerCode(), name(d.category()), d.subCategory(), d.suggestion(),
				d.dealerContact());
		return workOrder(id, wo);
	}

	@PostMapping("/complaints/{id}/work-orders/{workOrderId}/confirm")
	ComplaintAnswer confirm(@PathVariable long id, @PathVariable long workOrderId) {
		handling.confirm(id, workOrderId);
		return queries.view(id);
	}

	@PostMapping("/complaints/{id}/work-orders/{workOrderId}/replies")
	ResponseEntity<ReplyAnswer> reply(@PathVariable long id, @PathVariable long workOrderId,
			@RequestBody ReplyBody r) {
		Reply reply = handling.replied(id, workOrderId, new ReplyContent(
				r.contactedCustomerAt() == null ? null : r.contactedCustomerAt().toInstant(),
				Boolean.TRUE.equals(r.finalResult()), r.text(), r.faultCause(), r.qualityDefect(), r.partsReplaced(),
				r.repairOrderNo(), r.claimNo(), r.delayReason(), false));
		return ResponseEntity.status(HttpStatus.CREATED).body(new ReplyAnswer(reply.getId(), queries.view(id)));
	}

	@PostMapping("/complaints/{id}/closure-request")
	ComplaintAnswer requestClosure(@PathVariable long id) {
		handling.requestClosure(id);
		return queries.view(id);
	}

	@PostMapping("/complaints/{id}/callbacks")
	ResponseEntity<ComplaintAnswer> callback(@PathVariable long id, @Valid @RequestBody CallbackBody b) {
		handling.recordCallback(id, new CallbackAnswers(b.reached(), b.resolved(), b.satisfied(), b.falseReply(),
				b.notes()));
		return ResponseEntity.status(HttpStatus.CREATED).body(queries.view(id));
	}

	@PostMapping("/complaints/{id}/unreachable-closure")
	ComplaintAnswer closeUnreachable(@PathVariable long id) {
		handling.closeUnreachable(id);
		return queries.view(id);
	}

	@PostMapping("/complaints/{id}/transfer")
	WorkOrderAnswer transfer(@PathVariable long id, @RequestBody DealerMove m) {
		return workOrder(id, handling.transferred(id, m.dealerCode(), m.reason()));
	}

	@PostMapping("/complaints/{id}/redispatch")
	WorkOrderAnswer redispatch(@PathVariable long id, @RequestBody DealerMove m) {
		return workOrder(id, handling.redispatched(id, m.dealerCode(), m.reason()));
	}

	@PostMapping("/complaints/{id}/cancel")
	ComplaintAnswer cancel(@PathVariable long id, @RequestBody Reason r) {
		handling.cancel(id, r.reason());
		return queries.view(id);
	}

	@PostMapping("/complaints/{id}/category")
	ComplaintAnswer correctCategory(@PathVariable long id, @RequestBody Reason r) {
		handling.correctCategory(id, name(r.category()), r.subCategory(), r.reason());
		return queries.view(id);
	}

	@PostMapping("/complaints/{id}/repeat-calls")
	ComplaintAnswer repeatCall(@PathVariable long id, @RequestBody Reason r) {
		handling.recordRepeatCall(id, r.notes());
		return queries.view(id);
	}

	@PostMapping("/complaints/{id}/forced-closure-nomination")
	ComplaintAnswer nominate(@PathVariable long id, @RequestBody Reason r) {
		handling.nominateForForcedClosure(id, r.reason());
		return queries.view(id);
	}

	@PostMapping("/complaints/{id}/project-number")
	ComplaintAnswer projectNumber(@PathVariable long id, @RequestBody Reason r) {
		handling.enterProjectNumber(id, r.number());
		return queries.view(id);
	}

	@GetMapping("/work-orders")
	PageAnswer<WorkOrderLine> workOrders(@RequestParam(required = false) String dealerCode,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageAnswer.of(queries.workOrders(dealerCode, open,
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200))));
	}

	@PostMapping("/imports/complaint-history")
	Imported importHistory(@RequestBody List<ComplaintHistory> body) {
		return new Imported(histories.importAll(body));
	}

	/** A code as the services read it (the pages hand them form text). */
	private static String name(Enum<?> code) {
		return code == null ? null : code.name();
	}

	private WorkOrderAnswer workOrder(long complaintId, WorkOrder wo) {
		return queries.workOrderJson(complaintId, wo);
	}

	/** The answer to a registration: the complaint's id and status. */
	record Registration(long id, ComplaintStatus status) {
	}

	/** A reply's id and the complaint after it. */
	record ReplyAnswer(long id, ComplaintAnswer complaint) {
	}

	record Imported(int imported) {
	}
}
