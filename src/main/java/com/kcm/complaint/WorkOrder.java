package com.kcm.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A service work order (服务派工单) of one complaint at one dealer, with the clocks computed when it was
 * issued. Part of the {@link Complaint} aggregate: only the complaint changes it.
 */
@Entity
@jakarta.persistence.EntityListeners(ComplaintChanges.Listener.class)
@Table(name = "work_order")
class WorkOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "complaint_id")
	private Complaint complaint;

	@Column(nullable = false)
	private int seq;

	@Column(name = "dealer_id", nullable = false)
	private Long dealerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private WorkOrderStatus status;

	/** Issued by a transfer (or a re-dispatch of a transferred order): the dealer is not the responsible one. */
	@Column(nullable = false)
	private boolean transfer;

	@Column(name = "dispatched_at", nullable = false)
	private Instant dispatchedAt;

	@Column(name = "dispatched_by", nullable = false)
	private String dispatchedBy;

	@Column(name = "confirm_due_at", nullable = false)
	private Instant confirmDueAt;

	@Column(name = "reply_due_at", nullable = false)
	private Instant replyDueAt;

	@Column(name = "close_due_at")
	private Instant closeDueAt;

	@Column(name = "deadlines_provisional", nullable = false)
	private boolean deadlinesProvisional;

	@Column(name = "confirmed_at")
	private Instant confirmedAt;

	@Column(name = "first_reply_at")
	private Instant firstReplyAt;

	@Column(name = "first_contact_at")
	private Instant firstContactAt;

	@Column(name = "ended_at")
	private Instant endedAt;

	/**
	 * The earliest deadline the dealer has not met yet (confirmation, then first reply, then closure);
	 * {@code null} when none is left. Kept by every move so inboxes sort "overdue first, then nearest
	 * due" on one index.
	 */
	@Column(name = "next_due_at")
	private Instant nextDueAt;

	/** Online complaints: who phoned the dealer and whom they reached there (SPEC §4.4). */
	@Column(name = "notified_by")
	private String notifiedBy;

	@Column(name = "dealer_contact")
	private String dealerContact;

	@OneToMany(mappedBy = "workOrder", cascade = CascadeType.ALL)
	@OrderBy("at, id")
	private List<Reply> replies = new ArrayList<>();

	protected WorkOrder() {
	}

	WorkOrder(Complaint complaint, int seq, long dealerId, boolean transfer, Instant at, Actor actor,
			WorkOrderDeadlines deadlines, String notifiedBy, String dealerContact) {
		this.complaint = complaint;
		this.seq = seq;
		this.dealerId = dealerId;
		this.transfer = transfer;
		this.status = WorkOrderStatus.DISPATCHED;
		this.dispatchedAt = at;
		this.dispatchedBy = actor.username();
		this.confirmDueAt = deadlines.confirmDueAt();
		this.replyDueAt = deadlines.replyDueAt();
		this.closeDueAt = deadlines.closeDueAt();
		this.deadlinesProvisional = deadlines.provisional();
		this.notifiedBy = notifiedBy;
		this.dealerContact = dealerContact;
		this.nextDueAt = confirmDueAt;
	}

	private void updateNextDue() {
		if (!isCurrent()) {
			nextDueAt = null;
		} else if (confirmedAt == null) {
			nextDueAt = confirmDueAt;
		} else if (firstReplyAt == null) {
			nextDueAt = replyDueAt;
		} else {
			nextDueAt = closeDueAt;
		}
	}

	boolean isCurrent() {
		return WorkOrderStatus.CURRENT.contains(status);
	}

	void confirm(Instant at) {
		status = WorkOrderStatus.CONFIRMED;
		confirmedAt = at;
		updateNextDue();
	}

	Reply addReply(ReplyContent content, Instant at, Actor actor) {
		Reply reply = new Reply(this, content, at, actor);
		replies.add(reply);
		if (firstReplyAt == null) {
			firstReplyAt = at;
		}
		if (content.contactedCustomerAt() != null
				&& (firstContactAt == null || content.contactedCustomerAt().isBefore(firstContactAt))) {
			firstContactAt = content.contactedCustomerAt();
		}
		updateNextDue();
		return reply;
	}

	void end(WorkOrderStatus endStatus, Instant at) {
		status = endStatus;
		endedAt = at;
		updateNextDue();
	}

	boolean hasReplies() {
		return firstReplyAt != null;
	}

	public Long getId() {
		return id;
	}

	public Complaint getComplaint() {
		return complaint;
	}

	public int getSeq() {
		return seq;
	}

	public Long getDealerId() {
		return dealerId;
	}

	public WorkOrderStatus getStatus() {
		return status;
	}

	public boolean isTransfer() {
		return transfer;
	}

	public Instant getDispatchedAt() {
		return dispatchedAt;
	}

	public String getDispatchedBy() {
		return dispatchedBy;
	}

	public Instant getConfirmDueAt() {
		return confirmDueAt;
	}

	public Instant getReplyDueAt() {
		return replyDueAt;
	}

	public Instant getCloseDueAt() {
		return closeDueAt;
	}

	public boolean isDeadlinesProvisional() {
		return deadlinesProvisional;
	}

	public Instant getConfirmedAt() {
		return confirmedAt;
	}

	public Instant getFirstReplyAt() {
		return firstReplyAt;
	}

	public Instant getFirstContactAt() {
		return firstContactAt;
	}

	public Instant getEndedAt() {
		return endedAt;
	}

	public Instant getNextDueAt() {
		return nextDueAt;
	}

	/** Past its next deadline at {@code now}. */
	public boolean isOverdueAt(Instant now) {
		return nextDueAt != null && now.isAfter(nextDueAt);
	}

	public String getNotifiedBy() {
		return notifiedBy;
	}

	public String getDealerContact() {
		return dealerContact;
	}

	public List<Reply> getReplies() {
		return Collections.unmodifiableList(replies);
	}
}
