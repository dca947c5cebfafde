package com.kcm.crm;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.crm.Contracts.ContractCommand;
import com.kcm.crm.Contracts.ContractView;
import com.kcm.crm.CustomerClasses.ClassAnswer;
import com.kcm.crm.KeyAccounts.AccountRow;
import com.kcm.crm.KeyAccounts.VisitCommand;
import com.kcm.crm.KeyAccounts.VisitPlan;
import com.kcm.customer.CustomerClass;
import com.kcm.customer.Customers;
import com.kcm.shared.domain.ValidationException;

/**
 * {@code /api/v1}: customer classes, key-account visits, visit plans and contracts exactly as SPEC Appendix A.3
 * says, plus "my accounts", organisation data, contacts and reassignment. Scoped as the pages.
 */
@RestController
@RequestMapping("/api/v1")
class CrmApi {

	static final String READ = "hasAnyRole('CS_AGENT','AFTER_SALES','ACCOUNT_MANAGER','DEALER','REGIONAL')";
	static final String KEY_ACCOUNTS = "hasAnyRole('AFTER_SALES','ACCOUNT_MANAGER')";

	private final CustomerClasses classes;
	private final KeyAccounts keyAccounts;
	private final Contracts contracts;
	private final Customers customers;

	CrmApi(CustomerClasses classes, KeyAccounts keyAccounts, Contracts contracts, Customers customers) {
		this.classes = classes;
		this.keyAccounts = keyAccounts;
		this.contracts = contracts;
		this.customers = customers;
	}

	// ---- classes -------------------------------------------------------------------------------------

	@GetMapping("/customers/{id}/class")
	@PreAuthorize(READ)
	Map<String, Object> customerClass(@PathVariable long id) {
		return json(classes.of(id));
	}

	/** {@code {"class","reason"}} sets the class by hand; {@code {"class":null}} clears it. */
	@PutMapping("/customers/{id}/class")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> setClass(@PathVariable long id, @RequestBody Map<String, Object> body) {
		Object raw = body.get("class");
		CustomerClass cls = null;
		if (raw != null) {
			try {
				cls = CustomerClass.valueOf(String.valueOf(raw).strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw ValidationException.of("class", "crm.class.invalid", raw);
			}
		}
		Object reason = body.get("reason");
		if (reason != null && !(reason instanceof String)) {
			throw ValidationException.of("reason", "crm.text");
		}
		return json(classes.setByHand(id, cls, (String) reason));
	}

	static Map<String, Object> json(ClassAnswer a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("computed", a.computed());
		m.put("effective", a.effective());
		m.put("manual", a.manual());
		m.put("reason", a.reason());
		return m;
	}

	// ---- visits --------------------------------------------------------------------------------------

	@PostMapping("/customers/{id}/visits")
	@PreAuthorize(KEY_ACCOUNTS)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> recordVisit(@PathVariable long id, @RequestBody VisitCommand body) {
		return Map.of("id", keyAccounts.recordVisit(id, body).getId());
	}

	@GetMapping("/customers/{id}/visits")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> visits(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		keyAccounts.readable(id);
		Page<Visit> p = keyAccounts.visitsOf(id, KeyAccounts.page(page, size));
		return paged(p.map(CrmApi::json));
	}

	@PostMapping("/visits/{id}/follow-up-done")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> followUpDone(@PathVariable long id) {
		keyAccounts.followUpDone(id);
		return Map.of("id", id);
	}

	@GetMapping("/customers/{id}/visit-plan")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> visitPlan(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate date = on == null ? keyAccounts.today() : on;
		VisitPlan p = keyAccounts.plan(id, date, classes.of(id).effective());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("class", p.customerClass());
		m.put("intervalMonths", p.intervalMonths());
		m.put("lastVisit", text(p.lastVisit()));
		m.put("nextDue", text(p.nextDue()));
		m.put("overdue", p.overdue());
		return m;
	}

	static Map<String, Object> json(Visit v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", v.getId());
		m.put("customerId", v.getCustomerId());
		m.put("date", text(v.getDate()));
		m.put("kind", v.getKind());
		m.put("participants", v.getParticipants());
		m.put("content", v.getContent());
		m.put("feedback", v.getFeedback());
		m.put("nextSteps", v.getNextSteps());
		m.put("followUpDue", text(v.getFollowUpDue()));
		m.put("followUpDoneOn", text(v.getFollowUpDoneOn()));
		m.put("recordedBy", v.getRecordedByName());
		return m;
	}

	// ---- contracts -----------------------------------------------------------------------------------

	@PostMapping("/customers/{id}/contracts")
	@PreAuthorize(KEY_ACCOUNTS)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> createContract(@PathVariable long id, @RequestBody ContractCommand body) {
		return json(contracts.create(id, body));
	}

	@GetMapping("/customers/{id}/contracts")
	@PreAuthorize(KEY_ACCOUNTS)
	List<Map<String, Object>> contractsOf(@PathVariable long id) {
		return contracts.ofCustomer(id).stream().map(CrmApi::json).toList();
	}

	@GetMapping("/contracts/expiring")
	@PreAuthorize(KEY_ACCOUNTS)
	List<Map<String, Object>> expiring() {
		return contracts.expiringSoon(200).stream().map(CrmApi::json).toList();
	}

	@GetMapping("/contracts/{id}")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> contract(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		return json(contracts.get(id, on));
	}

	@PostMapping("/contracts/{id}/activate")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> activate(@PathVariable long id) {
		return json(contracts.activate(id));
	}

	record Termination(String reason) {
	}

	@PostMapping("/contracts/{id}/terminate")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> terminate(@PathVariable long id, @RequestBody(required = false) Termination body) {
		return json(contracts.terminate(id, body == null ? null : body.reason()));
	}

	static Map<String, Object> json(ContractView c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("number", c.number());
		m.put("status", c.status());
		m.put("expiringSoon", c.expiringSoon());
		m.put("customerId", c.customerId());
		m.put("signedOn", text(c.signedOn()));
		m.put("start", text(c.start()));
		m.put("end", text(c.end()));
		m.put("value", c.value());
		m.put("terminationReason", c.terminationReason());
		return m;
	}

	// ---- key accounts --------------------------------------------------------------------------------

	/** "My accounts" (never visited and overdue first); {@code all=true} for the manager and after-sales. */
	@GetMapping("/key-accounts")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> myAccounts(@RequestParam(defaultValue = "false") boolean all,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return paged(keyAccounts.mine(all, KeyAccounts.page(page, size)).map(CrmApi::json));
	}

	record Organisation(String organisationName, String industry, Integer fleetSize, String address) {
	}

	@PutMapping("/key-accounts/{id}")
	@PreAuthorize(KEY_ACCOUNTS)
	Map<String, Object> describe(@PathVariable long id, @RequestBody Organisation body) {
		keyAccounts.describe(id, body.organisationName(), body.industry(), body.fleetSize(), body.address());
		KeyAccount k = keyAccounts.readable(id);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("customerId", id);
		m.put("organisationName", k.getOrganisationName());
		m.put("industry", k.getIndustry());
		m.put("fleetSize", k.getFleetSize());
		m.put("address", k.getAddress());
		return m;
	}

	record ContactCommand(String name, String position, String phone) {
	}

	@PostMapping("/key-accounts/{id}/contacts")
	@PreAuthorize(KEY_ACCOUNTS)
	@ResponseStatus(HttpStatus.CREATED)
	KeyAccounts.ContactView addContact(@PathVariable long id, @RequestBody ContactCommand body) {
		return keyAccounts.addContact(id, body.name(), body.position(), body.phone());
	}

	@GetMapping("/key-accounts/{id}/contacts")
	@PreAuthorize(KEY_ACCOUNTS)
	List<KeyAccounts.ContactView> contacts(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		return keyAccounts.contacts(id, reveal);
	}

	record Assignment(Long accountManagerUserId) {
	}

	@PutMapping("/key-accounts/{id}/manager")
	@PreAuthorize("hasRole('AFTER_SALES_MANAGER')")
	Map<String, Object> reassign(@PathVariable long id, @RequestBody Assignment body) {
		var c = keyAccounts.reassign(id, body.accountManagerUserId());
		return Map.of("customerId", id, "accountManagerUserId", c.accountManagerUserId() == null ? "" : c.accountManagerUserId());
	}

	static Map<String, Object> json(AccountRow r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("customerId", r.customerId());
		m.put("name", r.name());
		m.put("class", r.customerClass());
		m.put("accountManagerUserId", r.managerUserId());
		m.put("lastVisit", text(r.lastVisit()));
		m.put("nextDue", text(r.nextDue()));
		m.put("overdue", r.overdue());
		m.put("followUpDue", text(r.followUpDue()));
		return m;
	}

	static Map<String, Object> paged(Page<Map<String, Object>> p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("items", p.getContent());
		m.put("page", p.getNumber());
		m.put("size", p.getSize());
		m.put("total", p.getTotalElements());
		return m;
	}

	static String text(LocalDate d) {
		return d == null ? null : d.toString();
	}
}
