package com.kcm.shared.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * SPEC §11: reports and exports may read from a PostgreSQL streaming replica. Only when
 * {@code KCM_DB_REPLICA_URL} is set: the data source is then the primary behind a lazy proxy whose
 * <em>read-only</em> transactions go to the replica while a report or export request is served (GET requests
 * whose path matches {@code kcm.db.replica.paths}: exports, xlsx and PDF files, the bulletin, the dashboards).
 * Everything else — every write, and the reads of all other pages, which must see what was just written — uses
 * the primary; so does a write inside a report request (an audit entry), since it runs in a read-write
 * transaction. A replica lags by its replication delay (docs/operations.md).
 * <p>
 * The application's data source is always built here, with or without a replica: whether there is one is decided
 * when the application starts, not by a bean condition, because the AOT-processed start (ADR 0005) fixes its beans
 * when it is built. Without a replica it is the pool Spring Boot would build (spring.datasource.*, Hikari).
 */
@Configuration(proxyBeanMethods = false)
class ReportReplica implements WebMvcConfigurer {

	private static final ThreadLocal<Boolean> REPORT = new ThreadLocal<>();

	private final List<String> paths;
	/** The replica's JDBC URL; blank: no replica. */
	private final String replicaUrl;

	ReportReplica(@Value("${kcm.db.replica.paths}") List<String> paths, @Value("${kcm.db.replica.url:}") String replicaUrl) {
		this.paths = paths;
		this.replicaUrl = replicaUrl;
	}

	/**
	 * The primary pool (spring.datasource.*); with a replica ({@code kcm.db.replica.url}), behind the routing proxy
	 * that sends read-only report transactions to the replica pool.
	 */
	@Bean
	@Primary
	DataSource dataSource(DataSourceProperties properties, Environment env,
			@Value("${kcm.db.replica.username:${spring.datasource.username:}}") String replicaUser,
			@Value("${kcm.db.replica.password:${spring.datasource.password:}}") String replicaPassword) {
		HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		Binder.get(env).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
		if (replicaUrl.isBlank()) {
			return primary;
		}
		HikariDataSource replica = new HikariDataSource();
		replica.setJdbcUrl(replicaUrl);
		replica.setUsername(replicaUser);
		replica.setPassword(replicaPassword);
		replica.setPoolName("replica");
		replica.setMaximumPoolSize(Math.max(2, primary.getMaximumPoolSize() / 2));
		replica.setConnectionTimeout(primary.getConnectionTimeout());
		replica.setReadOnly(true);
		return new Routing(primary, replica);
	}

	/** The lazy proxy and its two pools, closed together. */
	static final class Routing extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private final HikariDataSource primary;
		private final HikariDataSource replica;

		Routing(HikariDataSource primary, HikariDataSource replica) {
			super(primary);
			this.primary = primary;
			this.replica = replica;
			setReadOnlyDataSource(new AbstractDataSource() {
				@Override
				public Connection getConnection() throws SQLException {
					return (Boolean.TRUE.equals(REPORT.get()) ? replica : primary).getConnection();
				}

				@Override
				public Connection getConnection(String username, String password) throws SQLException {
					return getConnection();
				}
			});
		}

		@Override
		public void close() {
			replica.close();
			primary.close();
		}
	}

	/** Runs {@code work} as report reading: its read-only transactions may read from the replica. */
	public static void asReport(Runnable work) {
		Boolean before = REPORT.get();
		REPORT.set(Boolean.TRUE);
		try {
			work.run();
		} finally {
			REPORT.set(before);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (replicaUrl.isBlank()) {
			return;
		}
		AntPathMatcher matcher = new AntPathMatcher();
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if ("GET".equals(request.getMethod())) {
					String path = request.getRequestURI().substring(request.getContextPath().length());
					if (paths.stream().anyMatch(p -> matcher.match(p, path))) {
						REPORT.set(Boolean.TRUE);
					}
				}
				return true;
			}

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				REPORT.remove();
			}
		});
	}
}
