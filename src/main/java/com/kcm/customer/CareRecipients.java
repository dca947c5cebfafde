package com.kcm.customer;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a customer-care message (SPEC §7.5) could go to, read for the care job without scope: active (not merged,
 * not anonymised) customers with a mobile number, each with one vehicle's plate and selling dealer's name for
 * the message (the vehicle of the occasion, or the customer's first vehicle). Also the mobile number in full for
 * the message being sent — used to send, never shown, so not a reveal.
 */
@Service
public class CareRecipients {

	/** A recipient: customer id and name, and the vehicle the message names (null fields when none). */
	public record Recipient(long customerId, String name, Long vehicleId, String plate, String dealerName) {
	}

	private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
	private static final String ACTIVE = "c.merged_into_id is null and c.anonymised_at is null and c.phone_hash is not null";
	private static final String FIRST_VEHICLE = """
			left join vehicle v on v.id = (select min(v2.id) from vehicle v2 where v2.owner_id = c.id)
			left join dealer d on d.id = v.selling_dealer_id""";
	private static final int SCAN = 1000;

	private final JdbcClient jdbc;
	private final PersonalData personal;

	CareRecipients(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	/**
	 * Customers whose birthday is the day (month and day; 29 February birthdays on 28 February in other years):
	 * from the birthday field, or, without one, from the ID number's digits 7–14. All of them (about one in 365).
	 */
	@Transactional(readOnly = true)
	public List<Recipient> birthdaysOn(LocalDate day) {
		boolean leapDayToo = day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 28 && !day.isLeapYear();
		List<Recipient> out = new ArrayList<>(jdbc.sql("select c.id, c.name, v.id, v.plate, d.name from customer c "
				+ FIRST_VEHICLE + " where " + ACTIVE + " and c.birthday is not null and extract(month from c.birthday) = :m "
				+ "and (extract(day from c.birthday) = :d" + (leapDayToo ? " or extract(day from c.birthday) = 29)" : ")")
				+ " order by c.id").param("m", day.getMonthValue()).param("d", day.getDayOfMonth())
				.query(CareRecipients::recipient).list());
		long after = 0;
		while (true) {
			record Candidate(long id, String cipher) {
			}
			List<Candidate> page = jdbc.sql("select c.id, c.id_number_cipher from customer c where " + ACTIVE
					+ " and c.birthday is null and c.id_number_cipher is not null and c.id > :after order by c.id fetch first "
					+ SCAN + " rows only").param("after", after)
					.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2))).list();
			if (page.isEmpty()) {
				break;
			}
			List<Long> matches = new ArrayList<>();
			for (Candidate c : page) {
				birthdayOf(personal.open(c.cipher())).filter(b -> b.getMonth() == day.getMonth()
						&& (b.getDayOfMonth() == day.getDayOfMonth() || leapDayToo && b.getDayOfMonth() == 29))
						.ifPresent(b -> matches.add(c.id()));
			}
			out.addAll(of(matches));
			after = page.get(page.size() - 1).id();
		}
		return out;
	}

	/** The birth date in an 18-digit ID number (digits 7–14, {@code yyyyMMdd}); empty when it is not a date. */
	static Optional<LocalDate> birthdayOf(String idNumber) {
		if (idNumber == null || idNumber.length() != 18) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(idNumber.substring(6, 14), ID_DATE));
		} catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** Active customers with a mobile after {@code afterId}, in id order, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Recipient> withMobile(long afterId, int limit) {
		return jdbc.sql("select c.id, c.name, v.id, v.plate, d.name from customer c " + FIRST_VEHICLE + " where " + ACTIVE
				+ " and c.id > :after order by c.id fetch first " + Math.max(1, limit) + " rows only").param("after", afterId)
				.query(CareRecipients::recipient).list();
	}

	/** These customers (those still active with a mobile), each with its first vehicle. */
	@Transactional(readOnly = true)
	public List<Recipient> of(Collection<Long> customerIds) {
		if (customerIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select c.id, c.name, v.id, v.plate, d.name from customer c " + FIRST_VEHICLE + " where " + ACTIVE
				+ " and c.id in (:ids) order by c.id").param("ids", customerIds).query(CareRecipients::recipient).list();
	}

	/**
	 * Owners of vehicles bought on this month and day in an earlier year (29 February purchases on 28 February in
	 * other years), one per vehicle, with that vehicle.
	 */
	@Transactional(readOnly = true)
	public List<Recipient> purchaseAnniversariesOn(LocalDate day) {
		boolean leapDayToo = day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 28 && !day.isLeapYear();
		return jdbc.sql("select c.id, c.name, v.id, v.plate, d.name from vehicle v join customer c on c.id = v.owner_id "
				+ "left join dealer d on d.id = v.selling_dealer_id where " + ACTIVE + " and v.purchase_date < :day "
				+ "and extract(month from v.purchase_date) = :m and (extract(day from v.purchase_date) = :d"
				+ (leapDayToo ? " or extract(day from v.purchase_date) = 29)" : ")") + " order by v.id")
				.param("day", java.sql.Date.valueOf(day)).param("m", day.getMonthValue()).param("d", day.getDayOfMonth())
				.query(CareRecipients::recipient).list();
	}

	/** The owners of these vehicles (active, with a mobile), one per vehicle, with that vehicle. */
	@Transactional(readOnly = true)
	public List<Recipient> ownersOf(Collection<Long> vehicleIds) {
		if (vehicleIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select c.id, c.name, v.id, v.plate, d.name from vehicle v join customer c on c.id = v.owner_id "
				+ "left join dealer d on d.id = v.selling_dealer_id where " + ACTIVE + " and v.id in (:ids) order by v.id")
				.param("ids", vehicleIds).query(CareRecipients::recipient).list();
	}

	/** The customer's mobile number in full, to send it a message (not shown to anyone); empty when none. */
	@Transactional(readOnly = true)
	public Optional<String> mobileToSend(long customerId) {
		return jdbc.sql("select c.phone_cipher from customer c where c.id = :id and " + ACTIVE).param("id", customerId)
				.query(String.class).optional().map(personal::open);
	}

	private static Recipient recipient(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long vehicle = rs.getLong(3);
		return new Recipient(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : vehicle, rs.getString(4), rs.getString(5));
	}
}
