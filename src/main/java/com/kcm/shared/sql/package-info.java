/** Published to the modules and the Java migrations: multi-row JDBC inserts and the pooled id sequences. */
@org.springframework.modulith.NamedInterface("sql")
package com.kcm.shared.sql;
