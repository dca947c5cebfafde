package com.kcm.shared.sql;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, for the few places that speak to PostgreSQL in its own terms (one
 * round trip for several statements, session settings) and do the plain thing on H2, the embedded default.
 */
@Component
public class Databases {

	private final JdbcTemplate jdbc;
	private volatile Boolean postgres;

	public Databases(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the database is PostgreSQL (asked once). */
	public boolean isPostgres() {
		Boolean known = postgres;
		if (known == null) {
			known = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
				DatabaseMetaData meta = connection.getMetaData();
				return meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			});
			postgres = known;
		}
		return known;
	}
}
