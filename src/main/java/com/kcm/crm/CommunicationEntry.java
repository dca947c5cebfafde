package com.kcm.crm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a customer's communication log (SPEC §7.1). Never edited: a correction is a new entry whose
 * {@code correctsId} points at the entry it corrects.
 */
@Entity
@Table(name = "communication_entry")
class CommunicationEntry {

	enum Channel { PHONE, VISIT, EMAIL, SMS, WECHAT, LETTER }

	enum Direction { IN, OUT }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "customer_id", nullable = false)
	private Long customerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Direction direction;

	@Column(nullable = false)
	private Instant at;

	@Column(name = "user_id", nullable = false)
	private Long userId;

	@Column(name = "user_name", nullable = false)
	private String userName;

	@Column(name = "dealer_id")
	private Long dealerId;

	@Column(nullable = false)
	private String summary;

	@Column(name = "complaint_id")
	private Long complaintId;

	@Column(name = "corrects_id")
	private Long correctsId;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	protected CommunicationEntry() {
	}

	CommunicationEntry(long customerId, Channel channel, Direction direction, Instant at, long userId, String userName,
			Long dealerId, String summary, Long complaintId, Long correctsId, Instant now) {
		this.customerId = customerId;
		this.channel = channel;
		this.direction = direction;
		this.at = at;
		this.userId = userId;
		this.userName = userName;
		this.dealerId = dealerId;
		this.summary = summary;
		this.complaintId = complaintId;
		this.correctsId = correctsId;
		this.recordedAt = now;
	}

	public Long getId() { return id; }
	public Long getCustomerId() { return customerId; }
	public Channel getChannel() { return channel; }
	public Direction getDirection() { return direction; }
	public Instant getAt() { return at; }
	public String getUserName() { return userName; }
	public Long getDealerId() { return dealerId; }
	public String getSummary() { return summary; }
	public Long getComplaintId() { return complaintId; }
	public Long getCorrectsId() { return correctsId; }
}
