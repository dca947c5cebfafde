package com.kcm.identity;

import java.util.LinkedHashMap;
import java.util.Map;

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
	Map<String, Object> create(@RequestBody UserCommand cmd) {
		return view(users.create(cmd));
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Page<UserAccount> p = users.search(q, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
				Sort.by("username")));
		return Map.of("items", p.getContent().stream().map(this::view).toList(), "page", p.getNumber(), "size",
				p.getSize(), "total", p.getTotalElements());
	}

	private Map<String, Object> view(UserAccount u) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", u.getId());
		m.put("username", u.getUsername());
		m.put("displayName", u.getDisplayName());
		m.put("roles", u.getRoles().stream().map(Role::name).sorted().toList());
		m.put("dealerCode", u.getDealerId() == null ? null : directory.dealerCode(u.getDealerId()).orElse(null));
		m.put("regionCode", u.getRegionId() == null ? null : directory.regionCode(u.getRegionId()).orElse(null));
		m.put("enabled", u.isEnabled());
		m.put("email", u.getEmail());
		m.put("mobile", u.getMobile());
		return m;
	}
}
