package com.kcm.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/** Creates and changes users (ADMIN). Every change is audited without the password. */
@Service
class UserAdministration {

	static final int MIN_PASSWORD = 8;
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final UserRepository users;
	private final PasswordEncoder encoder;
	private final OrganisationDirectory directory;
	private final Audit audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	UserAdministration(UserRepository users, PasswordEncoder encoder, OrganisationDirectory directory, Audit audit,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.encoder = encoder;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UserAccount create(UserCommand cmd) {
		Violations v = new Violations();
		if (cmd.username() == null || !USERNAME.matcher(cmd.username()).matches()) {
			v.field("username", "user.username.invalid");
		} else if (users.existsByUsername(cmd.username())) {
			v.field("username", "user.username.taken", cmd.username());
		}
		if (cmd.password() == null || cmd.password().length() < MIN_PASSWORD) {
			v.field("password", "user.password.tooShort", MIN_PASSWORD);
		}
		Binding b = check(cmd, v);
		v.throwIfAny();
		UserAccount account = new UserAccount(cmd.username(), encoder.encode(cmd.password()), cmd.displayName().trim(),
				b.roles, b.dealerId, b.regionId, Boolean.TRUE.equals(cmd.revealPersonalData()), clock.instant());
		account.changeContact(b.email, b.mobile);
		UserAccount u = users.save(account);
		audit.changed(Audit.CREATE, "user", u.getId(), null, snapshot(u));
		return u;
	}

	@Transactional
	public UserAccount update(long id, UserCommand cmd) {
		UserAccount u = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
		Violations v = new Violations();
		if (cmd.password() != null && !cmd.password().isEmpty() && cmd.password().length() < MIN_PASSWORD) {
			v.field("password", "user.password.tooShort", MIN_PASSWORD);
		}
		Binding b = check(cmd, v);
		v.throwIfAny();
		Map<String, Object> before = snapshot(u);
		u.update(cmd.displayName().trim(), b.roles, b.dealerId, b.regionId,
				cmd.enabled() == null || cmd.enabled(), Boolean.TRUE.equals(cmd.revealPersonalData()));
		u.changeContact(b.email, b.mobile);
		if (cmd.password() != null && !cmd.password().isEmpty()) {
			u.changePassword(encoder.encode(cmd.password()));
		}
		audit.changed(Audit.UPDATE, "user", u.getId(), before, snapshot(u));
		events.publishEvent(new UserChanged(u.getId())); // remembered API tokens are forgotten on commit
		return u;
	}

	@Transactional
	public void unlock(long id) {
		UserAccount u = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
		Map<String, Object> before = snapshot(u);
		u.unlock();
		audit.changed(Audit.UPDATE, "user", id, before, snapshot(u));
		events.publishEvent(new UserChanged(id));
	}

	@Transactional(readOnly = true)
	public Page<UserAccount> search(String q, Pageable pageable) {
		return users.search(q == null || q.isBlank() ? null : q.trim(), pageable);
	}

	@Transactional(readOnly = true)
	Optional<UserAccount> find(long id) {
		return users.findById(id);
	}

	/** Used at start-up: creates {@code admin} when there is no administrator yet. */
	@Transactional
	public boolean bootstrapAdministrator(String password) {
		if (users.countAdministrators() > 0 || users.existsByUsername("admin")) {
			return false;
		}
		UserAccount u = users.save(new UserAccount("admin", encoder.encode(password), "系统管理员",
				EnumSet.of(Role.ADMIN), null, null, true, clock.instant()));
		audit.changed(Audit.CREATE, "user", u.getId(), null, snapshot(u));
		return true;
	}

	private record Binding(Set<Role> roles, Long dealerId, Long regionId, String email, String mobile) {
	}

	private Binding check(UserCommand cmd, Violations v) {
		if (cmd.displayName() == null || cmd.displayName().isBlank()) {
			v.field("displayName", "error.required");
		}
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		if (cmd.roles() == null || cmd.roles().isEmpty()) {
			v.field("roles", "user.roles.required");
		} else {
			for (String r : cmd.roles()) {
				try {
					roles.add(Role.valueOf(r.trim()));
				} catch (IllegalArgumentException | NullPointerException e) {
					v.field("roles", "user.roles.unknown", r);
				}
			}
		}
		Long dealerId = null;
		Long regionId = null;
		if (notBlank(cmd.dealerCode())) {
			dealerId = directory.dealerIdByCode(cmd.dealerCode().trim()).orElse(null);
			if (dealerId == null) {
				v.field("dealerCode", "user.dealer.unknown", cmd.dealerCode());
			}
		} else if (roles.contains(Role.DEALER)) {
			v.field("dealerCode", "user.dealer.required");
		}
		if (notBlank(cmd.regionCode())) {
			regionId = directory.regionIdByCode(cmd.regionCode().trim()).orElse(null);
			if (regionId == null) {
				v.field("regionCode", "user.region.unknown", cmd.regionCode());
			}
		} else if (roles.contains(Role.REGIONAL)) {
			v.field("regionCode", "user.region.required");
		}
		String email = notBlank(cmd.email()) ? cmd.email().trim() : null;
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			v.field("email", "user.email.invalid");
		}
		String mobile = notBlank(cmd.mobile()) ? cmd.mobile().trim() : null;
		if (mobile != null && !MOBILE.matcher(mobile).matches()) {
			v.field("mobile", "user.mobile.invalid");
		}
		return new Binding(roles, dealerId, regionId, email, mobile);
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

	static Map<String, Object> snapshot(UserAccount u) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("username", u.getUsername());
		m.put("displayName", u.getDisplayName());
		m.put("roles", u.getRoles().stream().map(Role::name).sorted().toList());
		m.put("dealerId", u.getDealerId());
		m.put("regionId", u.getRegionId());
		m.put("enabled", u.isEnabled());
		m.put("revealPersonalData", u.isRevealPersonalData());
		m.put("lockedUntil", u.getLockedUntil());
		m.put("email", u.getEmail());
		m.put("mobile", u.getMobile());
		return m;
	}
}
