package com.kcm.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person or integration that signs in. Holds its roles, its binding to a dealer or region, its
 * password hash and the lockout state; never a plain password.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Convert(converter = RoleSetConverter.class)
	@Column(nullable = false)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Column(name = "dealer_id")
	private Long dealerId;

	@Column(name = "region_id")
	private Long regionId;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "reveal_personal_data", nullable = false)
	private boolean revealPersonalData;

	@Column(name = "failed_attempts", nullable = false)
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** For notifications; optional. */
	private String email;

	/** Mainland mobile for notifications; optional. */
	private String mobile;

	@Version
	private long version;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash, String displayName, Set<Role> roles, Long dealerId,
			Long regionId, boolean revealPersonalData, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.dealerId = dealerId;
		this.regionId = regionId;
		this.revealPersonalData = revealPersonalData;
		this.createdAt = createdAt;
	}

	void recordFailedLogin(Instant now, int maxAttempts, Duration lockFor) {
		failedAttempts++;
		if (failedAttempts >= maxAttempts) {
			lockedUntil = now.plus(lockFor);
			failedAttempts = 0;
		}
	}

	void recordSuccessfulLogin() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	void unlock() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void update(String displayName, Set<Role> roles, Long dealerId, Long regionId, boolean enabled,
			boolean revealPersonalData) {
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.dealerId = dealerId;
		this.regionId = regionId;
		this.enabled = enabled;
		this.revealPersonalData = revealPersonalData;
	}

	void changeContact(String email, String mobile) {
		this.email = email;
		this.mobile = mobile;
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, displayName, Set.copyOf(roles), dealerId, regionId, revealPersonalData);
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public String getDisplayName() {
		return displayName;
	}

	public Set<Role> getRoles() {
		return Set.copyOf(roles);
	}

	public Long getDealerId() {
		return dealerId;
	}

	public Long getRegionId() {
		return regionId;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public boolean isRevealPersonalData() {
		return revealPersonalData;
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getEmail() {
		return email;
	}

	public String getMobile() {
		return mobile;
	}
}
