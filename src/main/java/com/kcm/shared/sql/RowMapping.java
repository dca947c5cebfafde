package com.kcm.shared.sql;

/**
 * How a module's {@link Row} values become inserts into its own table: a bean of that module, found by
 * {@link Inserts} by the value's class.
 */
public interface RowMapping<T extends Row> {

	Class<T> type();

	Insert insert(T row);
}
