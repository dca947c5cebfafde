package com.kcm.shared.sql;

/**
 * One row of a batch that {@link Inserts} writes in one round trip: an {@link Insert}, or a module's value
 * (an audit entry) that the module itself maps to its insert with a {@link RowMapping}, so that its table's
 * columns stay inside it.
 */
public interface Row {
}
