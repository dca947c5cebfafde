package db.migration.complaint;

import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import db.migration.PostgresOnly;

/**
 * Indexes that an intake's insert had to maintain although the new row holds nothing they serve (issue 17): on
 * PostgreSQL they become partial, so the rows of a complaint just registered skip them, and one of two indexes of
 * the timeline that differed only in their last column goes. Each query that uses one of them has a condition
 * that implies the index's predicate (an equality or range on the column, or the literal status), so it keeps its
 * index (docs/decisions.md, 2026-12-07):
 * <ul>
 * <li>{@code complaint}: the external id (unique among those given), the responsible and the handling dealer, the
 * closing instant, the sub-category (set at dispatch), and the callback queue's order, which only complaints
 * waiting for their callback have;</li>
 * <li>{@code vehicle}: the selling dealer; {@code customer}: the account manager;</li>
 * <li>{@code complaint_event}: {@code (complaint_id, at, category)} is dropped; {@code (complaint_id, at, id)}
 * carries the category instead ({@code include}), so the handling facts' "latest categorised event" reads stay
 * index-only.</li>
 * </ul>
 * The indexes that keep every row stay full: {@code ix_complaint_first_dispatch} and
 * {@code ix_complaint_channel_closed} serve orders and {@code is null} branches that a partial index cannot.
 * H2 (tests, development) has no partial indexes: there nothing changes.
 */
public class V202612070300__intake_partial_indexes extends BaseJavaMigration {

	private static final List<String> STATEMENTS = List.of(
			"alter table complaint drop constraint uk_complaint_external",
			"create unique index uk_complaint_external on complaint (external_id) where external_id is not null",
			"drop index ix_complaint_responsible_dispatch",
			"create index ix_complaint_responsible_dispatch on complaint (responsible_dealer_id, first_dispatched_at) "
					+ "where responsible_dealer_id is not null",
			"drop index ix_complaint_handling",
			"create index ix_complaint_handling on complaint (handling_dealer_id, status) where handling_dealer_id is not null",
			"drop index ix_complaint_closed_at",
			"create index ix_complaint_closed_at on complaint (closed_at) where closed_at is not null",
			"drop index ix_complaint_sub_category_dispatched",
			"create index ix_complaint_sub_category_dispatched on complaint (sub_category, first_dispatched_at) "
					+ "where sub_category is not null",
			"drop index ix_complaint_callback_due",
			"create index ix_complaint_callback_due on complaint (callback_due_at, id) where status = 'CLOSURE_REQUESTED'",
			"drop index ix_vehicle_selling_dealer",
			"create index ix_vehicle_selling_dealer on vehicle (selling_dealer_id, owner_id) where selling_dealer_id is not null",
			"drop index ix_customer_account_manager",
			"create index ix_customer_account_manager on customer (account_manager_user_id, key_account) "
					+ "where account_manager_user_id is not null",
			"drop index ix_event_complaint_at_id",
			"create index ix_event_complaint_at_id on complaint_event (complaint_id, at, id) include (category)",
			"drop index ix_event_complaint_at_category");

	@Override
	public void migrate(Context context) throws Exception {
		PostgresOnly.execute(context, STATEMENTS);
	}
}
