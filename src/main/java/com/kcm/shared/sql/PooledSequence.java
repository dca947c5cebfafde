package com.kcm.shared.sql;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ids from a database sequence that hands out blocks (its increment), numbered here one by one: what
 * Hibernate's pooled-lo optimizer does for the entities mapped with the same sequence (migration
 * {@code com.kcm.shared.sql.PooledIds}). Each block is taken by one {@code nextval}, so the ids given here and by
 * Hibernate, or by another instance, never meet. Thread-safe.
 */
public final class PooledSequence {

	private final JdbcClient jdbc;
	private final String sequence;
	private final int block;
	private long next;
	private long end;

	public PooledSequence(JdbcClient jdbc, String sequence, int block) {
		if (!sequence.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a sequence name: " + sequence);
		}
		this.jdbc = jdbc;
		this.sequence = sequence;
		this.block = block;
	}

	public synchronized long next() {
		if (next == end) {
			next = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
			end = next + block;
		}
		return next++;
	}
}
