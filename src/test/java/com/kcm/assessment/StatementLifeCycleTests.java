package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.util.ReflectionTestUtils;

import com.kcm.dealer.DealerStatus;
import com.kcm.dealer.DealerSummary;
import com.kcm.dealer.DealerType;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;

/**
 * The statement aggregate on its own: every move from every state is either made (and registers its event) or
 * refused with the reason the API answers, changing nothing.
 */
class StatementLifeCycleTests {

	static final Instant MADE = Instant.parse("2026-11-02T01:00:00Z");
	static final Instant PUBLISHED = MADE.plus(Duration.ofHours(1));
	static final Instant DUE = PUBLISHED.plus(Duration.ofDays(3));
	static final Instant AFTER_DUE = DUE.plus(Duration.ofMinutes(1));
	static final DealerSummary DEALER = new DealerSummary(42, "D0042", "结算服务商", DealerType.S4, 7, "R07", "华东",
			DealerStatus.ACTIVE, 3, LocalDate.of(2020, 1, 1), null, null);
	static final Statement.Computation COMPUTATION = new Statement.Computation(100, 42, "2026-10",
			Instant.parse("2026-11-01T08:30:00Z"), MADE, "{\"supportAmount\":3000.00}", new BigDecimal("3000.00"));

	long nextId = 1;

	@Test
	void aDraftHasTheSupportLineAPenaltyLinePerApprovedPenaltyAndTheirSumAsTotal() {
		Statement s = draft(List.of(new Statement.Penalty(9, "处置不力", new BigDecimal("1500"))));
		assertThat(s.status()).isEqualTo(StatementStatus.DRAFT);
		assertThat(s.lines()).extracting(l -> l.kind() + " " + l.amount()).containsExactly("SUPPORT 3000.00",
				"PENALTY -1500.00");
		assertThat(s.total()).isEqualByComparingTo("1500.00");
		assertThat(s.netAmount()).isEqualByComparingTo("1500.00");
		assertThat(s.pendingPenalties(List.of(9L, 11L, 10L))).containsExactly(10L, 11L);
	}

	@Test
	void publishingADraftSetsTheAppealDeadlineAndTellsTheDealer() {
		Statement s = draft(List.of());
		s.publish(DUE, "specialist", PUBLISHED);
		assertThat(s.status()).isEqualTo(StatementStatus.PUBLISHED);
		assertThat(s.appealDueAt()).isEqualTo(DUE);
		assertThat(s.events()).containsExactly(new StatementPublished(s.id(), 42, "2026-10", 1,
				new BigDecimal("3000.00"), DUE));
	}

	@ParameterizedTest
	@EnumSource(value = StatementStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
	void onlyADraftIsPublished(StatementStatus status) {
		refused(inState(status), s -> s.publish(DUE, "specialist", AFTER_DUE), "statement.notDraft", status.name());
	}

	@Test
	void theDealerAppealsUntilTheDeadlineMinuteIncluded() {
		Statement s = inState(StatementStatus.PUBLISHED);
		StatementAppeal a = s.appeal("已处理", null, "dealer", DUE);
		assertThat(a.status()).isEqualTo(AppealStatus.OPEN);
		assertThat(s.openAppeals()).isEqualTo(1);
		assertThat(s.events()).containsExactly(new Statement.Appealed(s.id(), 42, "2026-10"));
		assertThatThrownBy(() -> s.appeal("晚了", null, "dealer", AFTER_DUE)).isInstanceOfSatisfying(
				ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("appealDueAt"));
		assertThat(s.appeals()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(value = StatementStatus.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAPublishedStatementIsAppealed(StatementStatus status) {
		refused(inState(status), s -> s.appeal("x", null, "dealer", PUBLISHED), "statement.notPublished", status.name());
	}

	@Test
	void answeringTheLastOpenAppealAsksForARecomputationWhenOneWasAccepted() {
		Statement s = inState(StatementStatus.PUBLISHED);
		long first = appeal(s);
		long second = appeal(s);
		assertThat(s.answerAppeal(first, AppealStatus.ACCEPTED, "核实", "manager", DUE)).as("one still open").isFalse();
		assertThat(s.answerAppeal(second, AppealStatus.REJECTED, "无依据", "manager", DUE)).isTrue();
		assertThat(s.acceptedAppeals()).containsExactly("#" + first);
		assertThat(s.events()).contains(new Statement.AppealAnswered(s.id(), second, AppealStatus.REJECTED));
		refused(s, x -> x.answerAppeal(first, AppealStatus.REJECTED, "again", "manager", DUE),
				"statement.appeal.answered");
		assertThatThrownBy(() -> s.answerAppeal(999, AppealStatus.REJECTED, "x", "manager", DUE))
				.isInstanceOf(NotFoundException.class);
	}

	@Test
	void allRejectedAppealsKeepTheStatement() {
		Statement s = inState(StatementStatus.PUBLISHED);
		long a = appeal(s);
		assertThat(s.answerAppeal(a, AppealStatus.REJECTED, "维持", "manager", DUE)).isFalse();
		assertThat(s.status()).isEqualTo(StatementStatus.PUBLISHED);
	}

	@Test
	void approvalWaitsForTheDeadlineTheAnswersAndTheLatePenalties() {
		Statement s = inState(StatementStatus.PUBLISHED);
		refused(s, x -> x.approve(List.of(), "manager", DUE), "statement.appealPeriodOpen",
				Months.localText(DUE));
		long a = appeal(s);
		refused(s, x -> x.approve(List.of(), "manager", AFTER_DUE), "statement.appealOpen", 1);
		s.answerAppeal(a, AppealStatus.REJECTED, "维持", "manager", DUE);
		refused(s, x -> x.approve(List.of(12L, 11L), "manager", AFTER_DUE), "statement.penaltyPending", "#11, #12");
		s.approve(List.of(), "manager", AFTER_DUE);
		assertThat(s.status()).isEqualTo(StatementStatus.APPROVED);
		assertThat(s.events()).last().isEqualTo(new Statement.Approved(s.id(), 42, "2026-10", new BigDecimal("3000.00")));
	}

	@ParameterizedTest
	@EnumSource(value = StatementStatus.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAPublishedStatementIsApproved(StatementStatus status) {
		refused(inState(status), s -> s.approve(List.of(), "manager", AFTER_DUE), "statement.notPublished",
				status.name());
	}

	@Test
	void financeSettlesAnApprovedStatementWithAMethodThatFitsTheTotal() {
		Statement s = inState(StatementStatus.APPROVED);
		assertThatThrownBy(() -> s.settle(SettlementMethod.DEPOSIT_DEDUCTION, "K-1", LocalDate.of(2026, 11, 9),
				"finance", AFTER_DUE)).isInstanceOf(ValidationException.class);
		assertThat(s.status()).isEqualTo(StatementStatus.APPROVED);
		s.settle(SettlementMethod.PAYMENT, "FK-1", LocalDate.of(2026, 11, 9), "finance", AFTER_DUE);
		assertThat(s.status()).isEqualTo(StatementStatus.SETTLED);
		assertThat(s.settlementReference()).isEqualTo("FK-1");
		assertThat(s.events()).last().isEqualTo(new Statement.Settled(s.id(), 42, SettlementMethod.PAYMENT,
				new BigDecimal("3000.00")));
	}

	@ParameterizedTest
	@EnumSource(value = StatementStatus.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnApprovedStatementIsSettled(StatementStatus status) {
		refused(inState(status), s -> s.settle(SettlementMethod.PAYMENT, "FK-1", LocalDate.of(2026, 11, 9), "finance",
				AFTER_DUE), "statement.notApproved", status.name());
	}

	@ParameterizedTest
	@EnumSource(value = StatementStatus.class, names = "SUPERSEDED", mode = EnumSource.Mode.EXCLUDE)
	void everyCurrentRevisionCanBeRevisedIntoTheNextDraft(StatementStatus status) {
		Statement s = inState(status);
		Statement next = s.revise("补录媒体曝光事件", COMPUTATION, DEALER, List.of(), new BigDecimal("0.00"), "manager",
				AFTER_DUE);
		assertThat(s.status()).isEqualTo(StatementStatus.SUPERSEDED);
		assertThat(s.events()).last().isEqualTo(new Statement.Superseded(s.id(), 42, "2026-10", 1, "补录媒体曝光事件"));
		assertThat(next.status()).isEqualTo(StatementStatus.DRAFT);
		assertThat(next.revision()).isEqualTo(2);
		assertThat(next.revisionReason()).isEqualTo("补录媒体曝光事件");
	}

	@Test
	void aRevisionOfASettledMonthDeductsWhatWasSettledBefore() {
		Statement s = inState(StatementStatus.SETTLED);
		Statement next = s.revise("考核 #9 在结算单生成后批准", COMPUTATION, DEALER,
				List.of(new Statement.Penalty(9, "处置不力", new BigDecimal("2000.00"))), s.total(), "system", AFTER_DUE);
		assertThat(next.lines()).extracting(l -> l.kind() + " " + l.amount()).containsExactly("SUPPORT 3000.00",
				"PENALTY -2000.00", "SETTLED_BEFORE -3000.00");
		assertThat(next.total()).isEqualByComparingTo("-2000.00");
	}

	@Test
	void aSupersededRevisionOrOneWithAnOpenAppealIsNotRevised() {
		refused(inState(StatementStatus.SUPERSEDED), s -> s.revise("x", COMPUTATION, DEALER, List.of(),
				BigDecimal.ZERO, "manager", AFTER_DUE), "statement.superseded");
		Statement appealed = inState(StatementStatus.PUBLISHED);
		appeal(appealed);
		refused(appealed, s -> s.revise("x", COMPUTATION, DEALER, List.of(), BigDecimal.ZERO, "manager", AFTER_DUE),
				"statement.appealOpen", 1);
	}

	// ------------------------------------------------------------------ helpers

	Statement draft(List<Statement.Penalty> penalties) {
		Statement s = Statement.draft(COMPUTATION, DEALER, 1, null, null, penalties, new BigDecimal("0.00"), "specialist",
				MADE);
		ReflectionTestUtils.setField(s, "id", nextId++);
		return s;
	}

	/** A statement walked to the state through the life cycle, with no event left over. */
	Statement inState(StatementStatus status) {
		Statement s = draft(List.of());
		if (status != StatementStatus.DRAFT) {
			s.publish(DUE, "specialist", PUBLISHED);
		}
		if (status == StatementStatus.APPROVED || status == StatementStatus.SETTLED) {
			s.approve(List.of(), "manager", AFTER_DUE);
		}
		if (status == StatementStatus.SETTLED) {
			s.settle(SettlementMethod.PAYMENT, "FK-0", LocalDate.of(2026, 11, 9), "finance", AFTER_DUE);
		}
		if (status == StatementStatus.SUPERSEDED) {
			s.revise("更正", COMPUTATION, DEALER, List.of(), BigDecimal.ZERO, "manager", AFTER_DUE);
		}
		ReflectionTestUtils.invokeMethod(s, "clearDomainEvents");
		return s;
	}

	long appeal(Statement s) {
		StatementAppeal a = s.appeal("申诉", null, "dealer", PUBLISHED);
		long id = nextId++;
		ReflectionTestUtils.setField(a, "id", id);
		return id;
	}

	/** The move is refused with the key and arguments, and neither the state nor the events change. */
	static void refused(Statement s, Consumer<Statement> move, String key, Object... args) {
		StatementStatus before = s.status();
		int events = s.events().size();
		assertThatThrownBy(() -> move.accept(s)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.code()).isEqualTo(key);
			assertThat(e.args()).containsExactly(args);
		});
		assertThat(s.status()).isEqualTo(before);
		assertThat(s.events()).hasSize(events);
	}
}
