package com.kcm.identity;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.web.PageAnswer;

/** {@code /api/v1/users} (Appendix A): administrators create users and list them. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApi {

	private final UserAdministration users;
	private final OrganisationDirectory directory;

	UserApi(UserAdministration users, OrganisationDirectory directory) {
		this.users = users;
		this.directory = directory;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserAnswer create(@RequestBody UserCommand cmd) {
		return view(users.create(cmd));
	}

	@GetMapping
	PageAnswer<UserAnswer> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<UserAccount> p = users.search(q, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by("username")));
		return PageAnswer.of(p, this::view);
	}

	/** A user as the API shows it (Appendix A): roles sorted, dealer and region by code. */
	record UserAnswer(long id, String username, String displayName, List<String> roles, String dealerCode,
			String regionCode, boolean enabled, String email, String mobile) {
	}

	private UserAnswer view(UserAccount u) {
		return new UserAnswer(u.getId(), u.getUsername(), u.getDisplayName(),
				u.getRoles().stream().map(Role::name).sorted().toList(),
				u.getDealerId() == null ? null : directory.dealerCode(u.getDealerId()).orElse(null),
				u.getRegionId() == null ? null : directory.regionCode(u.getRegionId()).orElse(null), u.isEnabled(),
				u.getEmail(), u.getMobile());
	}
}
