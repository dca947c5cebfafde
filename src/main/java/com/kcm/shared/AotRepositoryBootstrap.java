package com.kcm.shared;

import java.util.function.BooleanSupplier;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * Gives the AOT-processed start ({@code -Dspring.aot.enabled=true}, ADR 0005) the deferred repository bootstrap that
 * the ordinary start gets from Spring Data ({@code spring.data.jpa.repositories.bootstrap-mode=deferred}).
 * <p>
 * On the ordinary start, Spring Data registers its repositories and, in the same step, makes every injection of a
 * repository a lazy proxy and adds a listener that creates the repositories once the context is refreshed: the
 * beans that use repositories are made without waiting for Hibernate, whose entity-manager factory is built on
 * another thread meanwhile. The AOT start skips that registration step (its bean definitions were generated at
 * build time), and with it both: each repository was created when the first bean using it was, which needs the
 * finished JPA metamodel, so the main thread waited about 2 s for Hibernate in the middle of the start
 * (docs/benchmarks.md, start and warm-up). This puts the same two things back, on the AOT start only.
 */
@Component
class AotRepositoryBootstrap implements BeanFactoryPostProcessor {

	private final BooleanSupplier aotStart;

	AotRepositoryBootstrap() {
		this(AotDetector::useGeneratedArtifacts);
	}

	AotRepositoryBootstrap(BooleanSupplier aotStart) {
		this.aotStart = aotStart;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (aotStart.getAsBoolean() && beanFactory instanceof DefaultListableBeanFactory factory
				&& factory.getAutowireCandidateResolver().getClass() == ContextAnnotationAutowireCandidateResolver.class) {
			factory.setAutowireCandidateResolver(new LazyRepositoryInjection());
		}
	}

	/** Injects a repository as a proxy that looks the repository up on first use, as Spring Data's deferred mode does. */
	static final class LazyRepositoryInjection extends ContextAnnotationAutowireCandidateResolver {

		@Override
		protected boolean isLazy(DependencyDescriptor descriptor) {
			Class<?> type = descriptor.getDependencyType();
			return (type.isInterface() && Repository.class.isAssignableFrom(type)) || super.isLazy(descriptor);
		}
	}

	/** Creates every repository once the context is refreshed, as Spring Data's deferred mode does. */
	@Component
	static class DeferredRepositories implements ApplicationListener<ContextRefreshedEvent> {

		private final BooleanSupplier aotStart;

		DeferredRepositories() {
			this(AotDetector::useGeneratedArtifacts);
		}

		DeferredRepositories(BooleanSupplier aotStart) {
			this.aotStart = aotStart;
		}

		@Override
		public void onApplicationEvent(ContextRefreshedEvent event) {
			if (aotStart.getAsBoolean()) {
				event.getApplicationContext().getBeansOfType(Repository.class);
			}
		}
	}
}
