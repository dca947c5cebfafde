package com.kcm.complaint;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.kcm.shared.domain.DomainException;

/**
 * The forced-closure list of one month (强制关闭抱怨清单, SPEC §4.2 step 7): the complaints after-sales
 * nominated during that local month. Life cycle: {@code DRAFT} (nominations are added and withdrawn) →
 * {@code APPROVED} by an after-sales manager, after which it never changes; each item then records whether
 * its complaint was force-closed or skipped (closed meanwhile).
 */
@Entity
@Table(name = "forced_closure_list")
class ForcedClosureList {

	enum Status {
		DRAFT, APPROVED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** {@code YYYY-MM}. */
	@Column(name = "list_month", nullable = false)
	private String month;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "approved_by")
	private String approvedBy;

	@Column(name = "approved_at")
	private Instant approvedAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "list", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("nominatedAt, id")
	private List<ForcedClosureItem> items = new ArrayList<>();

	protected ForcedClosureList() {
	}

	static ForcedClosureList open(YearMonth month, Instant at) {
		ForcedClosureList l = new ForcedClosureList();
		l.month = month.toString();
		l.status = Status.DRAFT;
		l.createdAt = at;
		return l;
	}

	void nominate(long complaintId, String reason, String by, Instant at) {
		requireDraft();
		if (item(complaintId).isPresent()) {
			throw new DomainException("closure.nomination.already", getMonth().getMonthValue());
		}
		items.add(new ForcedClosureItem(this, complaintId, reason, by, at));
	}

	void withdraw(long complaintId) {
		requireDraft();
		ForcedClosureItem i = item(complaintId).orElseThrow(() -> new DomainException("closure.nomination.notOnList"));
		items.remove(i);
	}

	/** Marks the list approved; the caller has force-closed or skipped each item. */
	void approve(String by, Instant at) {
		requireDraft();
		if (items.isEmpty()) {
			throw new DomainException("closure.list.empty");
		}
		status = Status.APPROVED;
		approvedBy = by;
		approvedAt = at;
	}

	void requireDraft() {
		if (status != Status.DRAFT) {
			throw new DomainException("closure.list.approved", getMonth().getMonthValue());
		}
	}

	Optional<ForcedClosureItem> item(long complaintId) {
		return items.stream().filter(i -> i.getComplaintId() == complaintId).findFirst();
	}

	Long getId() {
		return id;
	}

	YearMonth getMonth() {
		return YearMonth.parse(month);
	}

	Status getStatus() {
		return status;
	}

	String getApprovedBy() {
		return approvedBy;
	}

	Instant getApprovedAt() {
		return approvedAt;
	}

	List<ForcedClosureItem> getItems() {
		return Collections.unmodifiableList(items);
	}
}
