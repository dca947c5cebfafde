package com.kcm.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUsers;
import com.kcm.shared.domain.Violations;

/**
 * The care message templates, one per occasion: text with the placeholders {@code {name}}, {@code {plate}} and
 * {@code {dealer}}, switched on or off. A change is audited; an unknown placeholder or an empty text is refused.
 */
@Service
class CareTemplates {

	static final String TYPE = "care_template";
	static final Set<String> PLACEHOLDERS = Set.of("name", "plate", "dealer");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	record Template(CareOccasion occasion, String body, boolean active, Instant updatedAt, String updatedBy) {
	}

	private final JdbcClient jdbc;
	private final Audit audit;
	private final CurrentUsers users;
	private final Clock clock;

	CareTemplates(JdbcClient jdbc, Audit audit, CurrentUsers users, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Template> all() {
		return jdbc.sql("select occasion, body, active, updated_at, updated_by from care_template order by occasion")
				.query((rs, n) -> new Template(CareOccasion.valueOf(rs.getString(1)), rs.getString(2), rs.getBoolean(3),
						rs.getTimestamp(4).toInstant(), rs.getString(5)))
				.list().stream().sorted(java.util.Comparator.comparing(Template::occasion)).toList();
	}

	@Transactional(readOnly = true)
	Template get(CareOccasion occasion) {
		return all().stream().filter(t -> t.occasion() == occasion).findFirst().orElseThrow();
	}

	/** Checks a text: required, at most 300 characters, only the known placeholders. */
	static void check(String body, Violations v) {
		if (body == null || body.isBlank()) {
			v.field("body", "error.required");
			return;
		}
		if (body.strip().length() > 300) {
			v.field("body", "voice.tooLong", 300);
		}
		Matcher m = PLACEHOLDER.matcher(body);
		while (m.find()) {
			if (!PLACEHOLDERS.contains(m.group(1))) {
				v.field("body", "voice.care.placeholder", m.group());
				return;
			}
		}
	}

	@Transactional
	Template update(CareOccasion occasion, String body, boolean active) {
		Violations v = new Violations();
		check(body, v);
		v.throwIfAny();
		Template before = get(occasion);
		String by = users.current().displayName();
		jdbc.sql("update care_template set body = ?, active = ?, updated_at = ?, updated_by = ? where occasion = ?")
				.params(body.strip(), active, java.sql.Timestamp.from(clock.instant()), by, occasion.name()).update();
		Template after = get(occasion);
		audit.changed(Audit.UPDATE, TYPE, occasion.name(), json(before), json(after));
		return after;
	}

	/** The text with its placeholders filled ({@code null} values as empty text). */
	static String render(String body, String name, String plate, String dealer) {
		return body.replace("{name}", blank(name)).replace("{plate}", blank(plate)).replace("{dealer}", blank(dealer));
	}

	private static String blank(String s) {
		return s == null ? "" : s;
	}

	/** What the audit trail keeps of a care template. */
	record Snapshot(CareOccasion occasion, String body, boolean active) {
	}

	private static Snapshot json(Template t) {
		return new Snapshot(t.occasion(), t.body(), t.active());
	}
}
