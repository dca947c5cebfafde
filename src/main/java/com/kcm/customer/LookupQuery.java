package com.kcm.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an agent typed into the one search box, recognised by its shape: an 11-digit mobile (with or
 * without +86 and separators), an ID-card number, a full VIN, a plate, six VIN characters (its last six),
 * else a name.
 */
record LookupQuery(Kind kind, String value) {

	public enum Kind {
		PHONE, ID_NUMBER, VIN, PLATE, VIN_LAST6, NAME
	}

	private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d\\s-]{11,17}");

	public static Optional<LookupQuery> of(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String q = raw.strip();
		if (PHONE_LIKE.matcher(q).matches()) {
			Optional<MobilePhone> phone = MobilePhone.parse(q);
			if (phone.isPresent()) {
				return Optional.of(new LookupQuery(Kind.PHONE, phone.get().value()));
			}
		}
		Optional<IdCardNumber> id = IdCardNumber.parse(q);
		if (id.isPresent() && id.get().value().length() == 18) {
			return Optional.of(new LookupQuery(Kind.ID_NUMBER, id.get().value()));
		}
		Optional<Vin> vin = Vin.parse(q);
		if (vin.isPresent()) {
			return Optional.of(new LookupQuery(Kind.VIN, vin.get().value()));
		}
		Optional<PlateNumber> plate = PlateNumber.parse(q);
		if (plate.isPresent()) {
			return Optional.of(new LookupQuery(Kind.PLATE, plate.get().value()));
		}
		String upper = q.toUpperCase(Locale.ROOT);
		if (Vin.LAST6.matcher(upper).matches()) {
			return Optional.of(new LookupQuery(Kind.VIN_LAST6, upper));
		}
		return Optional.of(new LookupQuery(Kind.NAME, q));
	}

	/** Six letters could also be a (Latin) name: the lookup then tries names when no VIN ends so. */
	boolean mayBeName() {
		return kind == Kind.NAME || (kind == Kind.VIN_LAST6 && value.chars().allMatch(Character::isLetter));
	}
}
