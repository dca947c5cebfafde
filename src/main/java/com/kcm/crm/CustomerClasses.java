package com.kcm.crm;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.customer.ClassFacts;
import com.kcm.customer.CustomerChanged;
import com.kcm.customer.CustomerClass;
import com.kcm.customer.Customers;
import com.kcm.customer.CustomersMerged;
import com.kcm.customer.NewCustomerClasses;
import com.kcm.customer.VehicleOwnersChanged;
import com.kcm.policy.ClassRules;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;

/**
 * The customer class rule (SPEC §7.2): the class the {@code CLASS_RULES} policy in force on the business date
 * gives for the customer's key-account flag and vehicles, stored on the customer (audited when it changes);
 * recomputed in the transaction that changes a vehicle's owner or the key-account flag, and nightly for
 * everyone (a policy effective from a date takes effect that night). The class set by hand wins until cleared.
 */
@Service
class CustomerClasses implements NewCustomerClasses {

	/** A customer's class: the computed one, the one in force, whether it was set by hand and why. */
	public record ClassAnswer(CustomerClass computed, CustomerClass effective, boolean manual, String reason) {
	}

	private final Customers customers;
	private final Policies policies;
	private final KeyAccounts keyAccounts;
	private final Clock clock;
	private final TransactionTemplate tx;
	private static final int BATCH = 1000;

	CustomerClasses(Customers customers, Policies policies, KeyAccounts keyAccounts, Clock clock,
			PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
		this.customers = customers;
		this.policies = policies;
		this.keyAccounts = keyAccounts;
		this.clock = clock;
	}

	/** The class of a customer the caller may see (404 and an audit entry otherwise), as of today. */
	@Transactional(readOnly = true)
	public ClassAnswer of(long customerId) {
		var view = customers.get(customerId);
		ClassFacts facts = customers.classFacts(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
		CustomerClass computed = rule(today()).apply(facts);
		return new ClassAnswer(computed, view.customerClass() != null ? view.customerClass() : computed,
				view.customerClass() != null, view.customerClass() != null ? view.classReason() : null);
	}

	/** Sets the class by hand (reason required) or clears it ({@code null}); answers the class after it. */
	@Transactional
	public ClassAnswer setByHand(long customerId, CustomerClass customerClass, String reason) {
		customers.classifyByHand(customerId, customerClass, reason);
		return of(customerId);
	}

	/** Recomputes one customer's class and its key account's plan; answers the effective class. */
	@Transactional
	public CustomerClass recompute(long customerId) {
		return customers.classFacts(customerId).map(f -> apply(f, rule(today()))).orElse(CustomerClass.C);
	}

	/**
	 * Recomputes every active customer's class with the rule in force today, in batches of one transaction
	 * each (nightly); answers how many changed.
	 */
	public int recomputeAll() {
		long after = 0;
		int changed = 0;
		Rule rule = rule(today());
		while (true) {
			List<ClassFacts> facts = customers.classFacts(after, BATCH);
			if (facts.isEmpty()) {
				return changed;
			}
			List<ClassFacts> differing = facts.stream().filter(f -> rule.apply(f) != f.computedClass()).toList();
			if (!differing.isEmpty()) {
				tx.executeWithoutResult(s -> differing.forEach(f -> apply(f, rule)));
			}
			changed += differing.size();
			after = facts.get(facts.size() - 1).customerId();
		}
	}

	/** The rule in force today for a customer just registered (intake stores it with the customer). */
	@Override
	public CustomerClass classOf(boolean keyAccount, long vehicles) {
		return rule(today()).apply(new ClassFacts(0, keyAccount, vehicles, null, null));
	}

	@EventListener
	void on(VehicleOwnersChanged event) {
		event.customerIds().forEach(this::recompute);
	}

	/**
	 * A customer registered without the key-account flag owns no vehicle yet: nothing to mirror, and its class is
	 * left to be computed when a vehicle comes or at night (the class endpoint computes it live; lists show an
	 * uncomputed class as C) — intake registers customers on its hot path.
	 */
	@EventListener
	void on(CustomerChanged event) {
		if (event.created() && !event.keyAccount()) {
			return;
		}
		keyAccounts.mirror(event);
		recompute(event.customerId());
	}

	@EventListener
	void on(CustomersMerged event) {
		keyAccounts.mergedAway(event.mergedId());
		recompute(event.survivorId());
	}

	private CustomerClass apply(ClassFacts f, Rule rule) {
		CustomerClass computed = rule.apply(f);
		customers.recordComputedClass(f.customerId(), computed);
		CustomerClass effective = f.manualClass() != null ? f.manualClass() : computed;
		keyAccounts.replan(f.customerId(), effective);
		return effective;
	}

	/** The rule in force on a date. */
	Rule rule(LocalDate on) {
		ClassRules rules = policies.classRulesOn(PolicyName.CLASS_RULES, on);
		Map<String, CustomerClass> cache = new HashMap<>();
		return f -> cache.computeIfAbsent(rules.classOf(f.keyAccount(), f.vehicles()), CustomerClass::valueOf);
	}

	interface Rule {
		CustomerClass apply(ClassFacts facts);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
	}
}
