package com.kcm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.repository.Repository;

/**
 * The AOT start gets Spring Data's deferred repository bootstrap back: a bean that uses a repository is made
 * without making the repository, the repository is made on first use or once the context is refreshed, and the
 * ordinary start (where Spring Data does this itself) is left alone.
 */
class AotRepositoryBootstrapTests {

	interface Things extends Repository<Object, Long> {
		long count();
	}

	record UsesThings(Things things) {
	}

	/** A context like the AOT start's: a lazily made repository, a bean that needs it, the plain resolver. */
	private static GenericApplicationContext context(AtomicInteger made) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getDefaultListableBeanFactory().setAutowireCandidateResolver(new ContextAnnotationAutowireCandidateResolver());
		RootBeanDefinition repository = new RootBeanDefinition(Things.class, () -> {
			made.incrementAndGet();
			return (Things) () -> 42L;
		});
		repository.setLazyInit(true);
		context.registerBeanDefinition("things", repository);
		RootBeanDefinition user = new RootBeanDefinition(UsesThings.class);
		user.setAutowireMode(RootBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		context.registerBeanDefinition("usesThings", user);
		return context;
	}

	@Test
	void onTheAotStartABeanUsingARepositoryIsMadeWithoutIt() {
		AtomicInteger made = new AtomicInteger();
		try (GenericApplicationContext context = context(made)) {
			context.addBeanFactoryPostProcessor(new AotRepositoryBootstrap(() -> true));
			context.refresh();

			UsesThings user = context.getBean(UsesThings.class);
			assertThat(made).hasValue(0);
			assertThat(user.things().count()).isEqualTo(42L);
			assertThat(made).hasValue(1);
			user.things().count();
			assertThat(made).as("the repository is made once").hasValue(1);
		}
	}

	@Test
	void onTheAotStartEveryRepositoryIsMadeOnceTheContextIsRefreshed() {
		AtomicInteger made = new AtomicInteger();
		try (GenericApplicationContext context = context(made)) {
			context.addBeanFactoryPostProcessor(new AotRepositoryBootstrap(() -> true));
			context.addApplicationListener(new AotRepositoryBootstrap.DeferredRepositories(() -> true));
			context.refresh();

			assertThat(made).hasValue(1);
		}
	}

	@Test
	void theOrdinaryStartIsLeftToSpringData() {
		AtomicInteger made = new AtomicInteger();
		try (GenericApplicationContext context = context(made)) {
			context.addBeanFactoryPostProcessor(new AotRepositoryBootstrap(() -> false));
			context.refresh();
			assertThat(context.getDefaultListableBeanFactory().getAutowireCandidateResolver())
					.isExactlyInstanceOf(ContextAnnotationAutowireCandidateResolver.class);
			assertThat(made).as("made for the bean that needs it, eagerly").hasValue(1);

			new AotRepositoryBootstrap.DeferredRepositories(() -> false).onApplicationEvent(new ContextRefreshedEvent(context));
			assertThat(made).hasValue(1);
		}
	}
}
