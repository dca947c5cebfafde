package com.kcm.complaint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;

/**
 * The complaint classification standard (客户抱怨分类标准, SPEC §4.1): the configurable sub-categories of each
 * category. A complaint's sub-category must belong to its category; only active ones can be newly chosen, a
 * deactivated one stays on the complaints that carry it.
 */
@Service
@Transactional(readOnly = true)
public class ComplaintSubCategories {

	/** One sub-category: its code, the category it belongs to, its names and whether it can still be chosen. */
	public record SubCategory(String code, String category, String nameZh, String nameEn, boolean active, int order) {

		/** The name in the given language (Chinese unless English). */
		public String name(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}
	}

	private static final String COLUMNS = "select code, category, name_zh, name_en, active, sort_order from complaint_sub_category";

	private final JdbcClient jdbc;
	private final Audit audit;

	ComplaintSubCategories(JdbcClient jdbc, Audit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** All sub-categories, by category and order. */
	public List<SubCategory> all() {
		return jdbc.sql(COLUMNS + " order by category, sort_order, code").query(ComplaintSubCategories::row).list();
	}

	/** All sub-categories by code. */
	public Map<String, SubCategory> byCode() {
		return all().stream().collect(Collectors.toMap(SubCategory::code, s -> s, (a, b) -> a,
				java.util.LinkedHashMap::new));
	}

	public Optional<SubCategory> find(String code) {
		return jdbc.sql(COLUMNS + " where code = :code").param("code", code).query(ComplaintSubCategories::row)
				.optional();
	}

	/**
	 * The sub-category to record for a complaint of {@code category}: null when none is given, else an active
	 * sub-category of that category (422 naming {@code subCategory} otherwise).
	 */
	String validFor(Category category, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String c = code.strip();
		SubCategory s = find(c).orElseThrow(() -> ValidationException.of("subCategory", "complaint.subCategory.unknown", c));
		if (category == null || !s.category().equals(category.name())) {
			throw ValidationException.of("subCategory", "complaint.subCategory.otherCategory", c,
					category == null ? "—" : category.name());
		}
		if (!s.active()) {
			throw ValidationException.of("subCategory", "complaint.subCategory.inactive", c);
		}
		return c;
	}

	/** Adds a sub-category (administrators); the code is unique, the category one of {@link Category}. */
	@Transactional
	public SubCategory add(String code, String category, String nameZh, String nameEn, Integer order) {
		Violations v = new Violations();
		String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (c.isEmpty()) {
			v.field("code", "error.required");
		} else if (!c.matches("[A-Z0-9_]{1,40}")) {
			v.field("code", "complaint.subCategory.codeFormat");
		} else if (find(c).isPresent()) {
			v.field("code", "complaint.subCategory.duplicate", c);
		}
		Category cat = Codes.parse(Category.class, category, "category", true, v);
		String zh = nameZh == null ? "" : nameZh.strip();
		String en = nameEn == null || nameEn.isBlank() ? zh : nameEn.strip();
		if (zh.isEmpty()) {
			v.field("nameZh", "error.required");
		} else if (zh.length() > 100 || en.length() > 100) {
			v.field("nameZh", "complaint.subCategory.nameTooLong");
		}
		v.throwIfAny();
		SubCategory s = new SubCategory(c, cat.name(), zh, en, true, order == null ? 0 : order);
		jdbc.sql("insert into complaint_sub_category (code, category, name_zh, name_en, active, sort_order)"
				+ " values (:code, :category, :zh, :en, true, :order)").param("code", s.code())
				.param("category", s.category()).param("zh", zh).param("en", en).param("order", s.order()).update();
		audit.changed(Audit.CREATE, "complaint_sub_category", c, null, s);
		return s;
	}

	/** Activates or deactivates a sub-category (administrators); complaints keep it either way. */
	@Transactional
	public SubCategory setActive(String code, boolean active) {
		SubCategory before = find(code == null ? "" : code.strip())
				.orElseThrow(() -> new com.kcm.shared.domain.NotFoundException("complaint_sub_category", code));
		if (before.active() == active) {
			return before;
		}
		jdbc.sql("update complaint_sub_category set active = :active where code = :code").param("active", active)
				.param("code", before.code()).update();
		SubCategory after = new SubCategory(before.code(), before.category(), before.nameZh(), before.nameEn(), active,
				before.order());
		audit.changed(Audit.UPDATE, "complaint_sub_category", before.code(), before, after);
		return after;
	}

	private static SubCategory row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new SubCategory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				rs.getInt(6));
	}
}
