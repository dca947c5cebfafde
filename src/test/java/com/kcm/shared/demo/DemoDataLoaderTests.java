package com.kcm.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.Order;

class DemoDataLoaderTests {

	static final List<String> loaded = new ArrayList<>();

	@Order(20)
	static class Customers implements DemoData {
		@Override
		public void loadDemo() {
			loaded.add("customers");
		}
	}

	@Order(10)
	static class Dealers implements DemoData {
		@Override
		public void loadDemo() {
			loaded.add("dealers");
		}
	}

	private static List<String> run(boolean enabled) {
		loaded.clear();
		try (var context = new AnnotationConfigApplicationContext(Customers.class, Dealers.class)) {
			ObjectProvider<DemoData> all = context.getBeanProvider(DemoData.class);
			new DemoDataLoader(all, enabled).run(new DefaultApplicationArguments());
		}
		return List.copyOf(loaded);
	}

	@Test
	void loadsEveryModulesDemoDataInItsOrderWhenSwitchedOn() {
		assertThat(run(true)).containsExactly("dealers", "customers");
	}

	@Test
	void loadsNothingWhenSwitchedOffAlthoughTheBeansExist() {
		assertThat(run(false)).isEmpty();
	}
}
