package com.kcm.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;

import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * Key-account contracts (SPEC §7.3, A.3): drafted, activated, terminated with a reason, expired by the nightly
 * job after their end date; those ending within {@code CONTRACT_EXPIRING_DAYS} (60) are listed. Who may see or
 * change one follows its key account ({@link KeyAccounts#readable}, {@link KeyAccounts#writable}).
 */
@Service
class Contracts {

	static final String TYPE = "account_contract";
	public static final String EXPIRE = "EXPIRE";

	record ContractCommand(String number, LocalDate signedOn, LocalDate start, LocalDate end, BigDecimal value) {
	}

	/** A contract as of a date. */
	record ContractView(long id, long customerId, String number, LocalDate signedOn, LocalDate start, LocalDate end,
			BigDecimal value, Contract.Status status, boolean expiringSoon, String terminationReason) {
	}

	private final ContractRepository contracts;
	private final KeyAccounts keyAccounts;
	private final Policies policies;
	private final CurrentUsers users;
	private final Audit audit;
	private final Clock clock;

	Contracts(ContractRepository contracts, KeyAccounts keyAccounts, Policies policies, CurrentUsers users, Audit audit,
			Clock clock) {
		this.contracts = contracts;
		this.keyAccounts = keyAccounts;
		this.policies = policies;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	ContractView create(long customerId, ContractCommand cmd) {
		keyAccounts.writable(customerId);
		Violations v = new Violations();
		if (cmd.number() == null || cmd.number().isBlank()) {
			v.field("number", "error.required");
		} else if (cmd.number().strip().length() > 50) {
			v.field("number", "crm.tooLong", 50);
		} else if (contracts.existsByNumber(cmd.number().strip())) {
			v.field("number", "crm.contract.numberTaken", cmd.number().strip());
		}
		if (cmd.signedOn() == null) {
			v.field("signedOn", "error.required");
		}
		if (cmd.start() == null) {
			v.field("start", "error.required");
		}
		if (cmd.end() == null) {
			v.field("end", "error.required");
		} else if (cmd.start() != null && cmd.end().isBefore(cmd.start())) {
			v.field("end", "crm.contract.endBeforeStart");
		}
		if (cmd.value() == null) {
			v.field("value", "error.required");
		} else if (cmd.value().signum() < 0 || cmd.value().stripTrailingZeros().scale() > 2
				|| cmd.value().compareTo(new BigDecimal("999999999999.99")) > 0) {
			v.field("value", "crm.contract.value");
		}
		v.throwIfAny();
		Contract c = contracts.save(new Contract(customerId, cmd.number().strip(), cmd.signedOn(), cmd.start(), cmd.end(),
				cmd.value().setScale(2), clock.instant()));
		audit.changed(Audit.CREATE, TYPE, c.getId(), null, snapshot(c));
		return view(c, today());
	}

	@Transactional(readOnly = true)
	ContractView get(long id, LocalDate on) {
		Contract c = visible(id);
		return view(c, on == null ? today() : on);
	}

	@Transactional(readOnly = true)
	List<ContractView> ofCustomer(long customerId) {
		keyAccounts.readable(customerId);
		LocalDate today = today();
		return contracts.findByCustomerIdOrderByEndDescIdDesc(customerId).stream().map(c -> view(c, today)).toList();
	}

	/** Active contracts ending within the policy's days from today: the caller's accounts, or all for managers. */
	@Transactional(readOnly = true)
	List<ContractView> expiringSoon(int limit) {
		CurrentUser me = users.current();
		LocalDate today = today();
		int days = policies.intOn(PolicyName.CONTRACT_EXPIRING_DAYS, today);
		boolean all = KeyAccounts.mayReadAll(me);
		return contracts.endingBetween(today, today.plusDays(days), all, all ? -1L : me.id(), PageRequest.of(0, limit))
				.stream().map(c -> view(c, today)).toList();
	}

	@Transactional
	ContractView activate(long id) {
		Contract c = visible(id);
		keyAccounts.writable(c.getCustomerId());
		Snapshot before = snapshot(c);
		c.activate(today(), clock.instant());
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(c));
		return view(c, today());
	}

	@Transactional
	ContractView terminate(long id, String reason) {
		Contract c = visible(id);
		keyAccounts.writable(c.getCustomerId());
		if (reason == null || reason.isBlank()) {
			throw ValidationException.of("reason", "error.required");
		}
		if (reason.strip().length() > 500) {
			throw ValidationException.of("reason", "crm.tooLong", 500);
		}
		Snapshot before = snapshot(c);
		c.terminate(reason.strip(), clock.instant());
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(c));
		return view(c, today());
	}

	/** The nightly job: active contracts past their end date become expired; answers how many. */
	@Transactional
	int expireEnded() {
		List<Contract> ended = contracts.activeEndedBefore(today(), PageRequest.of(0, 10_000));
		for (Contract c : ended) {
			Snapshot before = snapshot(c);
			c.expire(clock.instant());
			audit.changed(EXPIRE, TYPE, c.getId(), before, snapshot(c));
		}
		return ended.size();
	}

	private Contract visible(long id) {
		Contract c = contracts.findById(id).orElse(null);
		if (c == null) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		keyAccounts.readable(c.getCustomerId());
		return c;
	}

	ContractView view(Contract c, LocalDate on) {
		return new ContractView(c.getId(), c.getCustomerId(), c.getNumber(), c.getSignedOn(), c.getStart(), c.getEnd(),
				c.getValue(), c.statusOn(on), c.expiringSoon(on, policies.intOn(PolicyName.CONTRACT_EXPIRING_DAYS, on)),
				c.getTerminationReason());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
	}

	/** What the audit trail keeps of a contract (dates and value as text). */
	record Snapshot(Long customerId, String number, String signedOn, String start, String end, String value,
			Contract.Status status, String terminationReason) {
	}

	static Snapshot snapshot(Contract c) {
		return new Snapshot(c.getCustomerId(), c.getNumber(), String.valueOf(c.getSignedOn()),
				String.valueOf(c.getStart()), String.valueOf(c.getEnd()), c.getValue().toPlainString(), c.getStatus(),
				c.getTerminationReason());
	}
}
