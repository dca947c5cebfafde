package com.kcm.calendar;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.kcm.shared.web.HomeTile;
import com.kcm.shared.web.HomeTiles;

/** Warns an administrator on the home page when a year's schedule should be published and is not. */
@Component
class CalendarHomeTiles implements HomeTiles {

	private final BusinessCalendar calendar;

	CalendarHomeTiles(BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public List<HomeTile> tiles(Authentication user) {
		if (user == null || user.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
			return List.of();
		}
		return calendar.missingYears().stream()
				.map(y -> new HomeTile(1, "calendar.tile.missing", String.valueOf(y), "/admin/calendar?year=" + y,
						"calendar-missing border-warning bg-warning-subtle"))
				.toList();
	}
}
