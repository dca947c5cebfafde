package com.kcm.crm;

import java.time.LocalDate;
import java.math.BigDecimal;
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

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kcm.crm.Contracts.ContractCommand;
import com.kcm.crm.Contracts.ContractView;
import com.kcm.crm.CustomerClasses.ClassAnswer;
import com.kcm.crm.KeyAccounts.AccountRow;
import com.kcm.crm.KeyAccounts.VisitCommand;
import com.kcm.crm.KeyAccounts.VisitPlan;
import com.kcm.customer.CustomerClass;
import com.kcm.customer.Customers;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.web.PageAnswer;

import io.swagger.v3.oas.annotations.media.Schema;

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
	ClassAnswer customerClass(@PathVariable long id) {
		return classes.of(id);
	}

	/** {@code {"class","reason"}} sets the class by hand; {@code {"class":null}} clears it. */
	@PutMapping("/customers/{id}/class")
	@PreAuthorize(KEY_ACCOUNTS)
	ClassAnswer setClass(@PathVariable long id, @RequestBody Map<String, Object> body) {
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
		return classes.setByHand(id, cls, (String) reason);
	}

	// ---- visits --------------------------------------------------------------------------------------

	@PostMapping("/customers/{id}/visits")
	@PreAuthorize(KEY_ACCOUNTS)
	@ResponseStatus(HttpStatus.CREATED)
	Created recordVisit(@PathVariable long id, @RequestBody VisitCommand body) {
		return new Created(keyAccounts.recordVisit(id, body).getId());
	}

	@GetMapping("/customers/{id}/visits")
	@PreAuthorize(KEY_ACCOUNTS)
	PageAnswer<VisitAnswer> visits(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		keyAccounts.readable(id);
		Page<Visit> p = keyAccounts.visitsOf(id, KeyAccounts.page(page, size));
		return PageAnswer.of(p, VisitAnswer::of);
	}

	@PostMapping("/visits/{id}/follow-up-done")
	@PreAuthorize(KEY_ACCOUNTS)
	Created followUpDone(@PathVariable long id) {
		keyAccounts.followUpDone(id);
		return new Created(id);
	}

	@GetMapping("/customers/{id}/visit-plan")
	@PreAuthorize(KEY_ACCOUNTS)
	PlanAnswer visitPlan(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate date = on == null ? keyAccounts.today() : on;
		VisitPlan p = keyAccounts.plan(id, date, classes.of(id).effective());
		return new PlanAnswer(p.customerClass(), p.intervalMonths(), text(p.lastVisit()), text(p.nextDue()), p.overdue());
	}

	/** The visit plan of a key account: {@code class} is the class in force. */
	record PlanAnswer(@JsonProperty("class") CustomerClass customerClass, int intervalMonths, String lastVisit,
			String nextDue, boolean overdue) {
	}

	record VisitAnswer(Long id, Long customerId, String date, Visit.Kind kind, String participants, String content,
			String feedback, String nextSteps, String followUpDue, String followUpDoneOn, String recordedBy) {

		static VisitAnswer of(Visit v) {
			return new VisitAnswer(v.getId(), v.getCustomerId(), text(v.getDate()), v.getKind(), v.getParticipants(),
					v.getContent(), v.getFeedback(), v.getNextSteps(), text(v.getFollowUpDue()),
					text(v.getFollowUpDoneOn()), v.getRecordedByName());
		}
	}

	/** The id of what was created or changed. */
	record Created(long id) {
	}

	// ---- contracts -----------------------------------------------------------------------------------

	@PostMapping("/customers/{id}/contracts")
	@PreAuthorize(KEY_ACCOUNTS)
	@ResponseStatus(HttpStatus.CREATED)
	ContractAnswer createContract(@PathVariable long id, @RequestBody ContractCommand body) {
		return ContractAnswer.of(contracts.create(id, body));
	}

	@GetMapping("/customers/{id}/contracts")
	@PreAuthorize(KEY_ACCOUNTS)
	List<ContractAnswer> contractsOf(@PathVariable long id) {
		return contracts.ofCustomer(id).stream().map(ContractAnswer::of).toList();
	}

	@GetMapping("/contracts/expiring")
	@PreAuthorize(KEY_ACCOUNTS)
	List<ContractAnswer> expiring() {
		return contracts.expiringSoon(200).stream().map(ContractAnswer::of).toList();
	}

	@GetMapping("/contracts/{id}")
	@PreAuthorize(KEY_ACCOUNTS)
	ContractAnswer contract(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		return ContractAnswer.of(contracts.get(id, on));
	}

	@PostMapping("/contracts/{id}/activate")
	@PreAuthorize(KEY_ACCOUNTS)
	ContractAnswer activate(@PathVariable long id) {
		return ContractAnswer.of(contracts.activate(id));
	}

	record Termination(String reason) {
	}

	@PostMapping("/contracts/{id}/terminate")
	@PreAuthorize(KEY_ACCOUNTS)
	ContractAnswer terminate(@PathVariable long id, @RequestBody(required = false) Termination body) {
		return ContractAnswer.of(contracts.terminate(id, body == null ? null : body.reason()));
	}

	record ContractAnswer(long id, String number, Contract.Status status, boolean expiringSoon, long customerId,
			String signedOn, String start, String end, BigDecimal value, String terminationReason) {

		static ContractAnswer of(ContractView c) {
			return new ContractAnswer(c.id(), c.number(), c.status(), c.expiringSoon(), c.customerId(),
					text(c.signedOn()), text(c.start()), text(c.end()), c.value(), c.terminationReason());
		}
	}

	// ---- key accounts --------------------------------------------------------------------------------

	/** "My accounts" (never visited and overdue first); {@code all=true} for the manager and after-sales. */
	@GetMapping("/key-accounts")
	@PreAuthorize(KEY_ACCOUNTS)
	PageAnswer<AccountAnswer> myAccounts(@RequestParam(defaultValue = "false") boolean all,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return PageAnswer.of(keyAccounts.mine(all, KeyAccounts.page(page, size)), AccountAnswer::of);
	}

	record Organisation(String organisationName, String industry, Integer fleetSize, String address) {
	}

	@PutMapping("/key-accounts/{id}")
	@PreAuthorize(KEY_ACCOUNTS)
	OrganisationAnswer describe(@PathVariable long id, @RequestBody Organisation body) {
		keyAccounts.describe(id, body.organisationName(), body.industry(), body.fleetSize(), body.address());
		KeyAccount k = keyAccounts.readable(id);
		return new OrganisationAnswer(id, k.getOrganisationName(), k.getIndustry(), k.getFleetSize(), k.getAddress());
	}

	@PostMapping("/key-accounts/{id}/contacts")
	@PreAuthorize(KEY_ACCOUNTS)
	@ResponseStatus(HttpStatus.CREATED)
	KeyAccounts.ContactView addContact(@PathVariable long id, @RequestBody KeyAccounts.ContactCommand body) {
		return keyAccounts.addContact(id, body);
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
	Reassigned reassign(@PathVariable long id, @RequestBody Assignment body) {
		var c = keyAccounts.reassign(id, body.accountManagerUserId());
		return new Reassigned(id, c.accountManagerUserId() == null ? "" : c.accountManagerUserId());
	}

	record OrganisationAnswer(long customerId, String organisationName, String industry, Integer fleetSize,
			String address) {
	}

	/** The account's manager after a reassignment: the user id, or an empty text when it has none. */
	record Reassigned(long customerId, @Schema(oneOf = { Long.class, String.class }) Object accountManagerUserId) {
	}

	/** One line of "my accounts": {@code class} is the class in force. */
	record AccountAnswer(long customerId, String name, @JsonProperty("class") String customerClass,
			Long accountManagerUserId, String lastVisit, String nextDue, boolean overdue, String followUpDue) {

		static AccountAnswer of(AccountRow r) {
			return new AccountAnswer(r.customerId(), r.name(), r.customerClass(), r.managerUserId(), text(r.lastVisit()),
					text(r.nextDue()), r.overdue(), text(r.followUpDue()));
		}
	}


	static String text(LocalDate d) {
		return d == null ? null : d.toString();
	}
}
