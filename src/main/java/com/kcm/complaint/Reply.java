package com.kcm.complaint;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One reply of a dealer on its work order. Never changed once given. */
@Entity
@jakarta.persistence.EntityListeners(HandlingSummary.Listener.class)
@Immutable
@Table(name = "work_order_reply")
class Reply {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "work_order_id")
	private WorkOrder workOrder;

	@Column(nullable = false)
	private Instant at;

	@Column(name = "contacted_customer_at")
	private Instant contactedCustomerAt;

	@Column(name = "final_result", nullable = false)
	private boolean finalResult;

	@Column(nullable = false)
	private String text;

	@Column(name = "fault_cause")
	private String faultCause;

	@Column(name = "quality_defect")
	private Boolean qualityDefect;

	/** Parts replaced, one per line; {@code null} when not stated. */
	@Column(name = "parts_replaced")
	private String partsReplaced;

	@Column(name = "repair_order_no")
	private String repairOrderNo;

	@Column(name = "claim_no")
	private String claimNo;

	@Column(name = "delay_reason")
	private String delayReason;

	@Column(name = "entered_by", nullable = false)
	private String enteredBy;

	@Column(name = "on_dealers_behalf", nullable = false)
	private boolean onDealersBehalf;

	protected Reply() {
	}

	Reply(WorkOrder workOrder, ReplyContent c, Instant at, Actor actor) {
		this.workOrder = workOrder;
		this.at = at;
		this.contactedCustomerAt = c.contactedCustomerAt();
		this.finalResult = c.finalResult();
		this.text = c.text();
		this.faultCause = c.faultCause();
		this.qualityDefect = c.qualityDefect();
		this.partsReplaced = c.partsReplaced() == null ? null : String.join("\n", c.partsReplaced());
		this.repairOrderNo = c.repairOrderNo();
		this.claimNo = c.claimNo();
		this.delayReason = c.delayReason();
		this.enteredBy = actor.username();
		this.onDealersBehalf = c.onDealersBehalf();
	}

	public Long getId() {
		return id;
	}

	public WorkOrder getWorkOrder() {
		return workOrder;
	}

	public Instant getAt() {
		return at;
	}

	public Instant getContactedCustomerAt() {
		return contactedCustomerAt;
	}

	public boolean isFinalResult() {
		return finalResult;
	}

	public String getText() {
		return text;
	}

	public String getFaultCause() {
		return faultCause;
	}

	public Boolean getQualityDefect() {
		return qualityDefect;
	}

	public List<String> getPartsReplaced() {
		return partsReplaced == null ? null
				: partsReplaced.isEmpty() ? List.of() : Arrays.asList(partsReplaced.split("\n"));
	}

	public String getRepairOrderNo() {
		return repairOrderNo;
	}

	public String getClaimNo() {
		return claimNo;
	}

	public String getDelayReason() {
		return delayReason;
	}

	public String getEnteredBy() {
		return enteredBy;
	}

	public boolean isOnDealersBehalf() {
		return onDealersBehalf;
	}
}
