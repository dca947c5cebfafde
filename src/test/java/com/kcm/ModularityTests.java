package com.kcm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.repository.Repository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

/** The business modules keep to their published APIs; writes the module documentation to docs/modules. */
class ModularityTests {

	private static final DescribedPredicate<JavaClass> ENTITIES_REPOSITORIES_CONTROLLERS_OR_JOBS = DescribedPredicate
			.describe("are entities, repositories, controllers or scheduled jobs",
					type -> type.isAnnotatedWith(Entity.class) || type.isAssignableTo(Repository.class)
							|| type.isMetaAnnotatedWith(Controller.class) || type.isAnnotatedWith(Controller.class)
							|| type.isAnnotatedWith(RestController.class)
							|| type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Scheduled.class)));

	private final ApplicationModules modules = ApplicationModules.of(KcmApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublishedApis() {
		modules.verify();
	}

	/** Runtime code never reaches into the migrations (their helpers live in com.kcm.shared.sql). */
	@Test
	void noModuleUsesTheMigrations() {
		noClasses().that().resideInAPackage("com.kcm..").should().dependOnClassesThat().resideInAPackage("db.migration..")
				.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
						.importPackages("com.kcm", "db.migration"));
	}

	/** No module reaches another module's JPA entities or Spring Data repositories: ids, value records and events only. */
	@Test
	void noModuleUsesAnotherModulesEntitiesOrRepositories() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("com.kcm");
		modules.forEach(module -> {
			String base = module.getBasePackage().getName();
			noClasses().that().resideOutsideOfPackage(base + "..").should().dependOnClassesThat(
					DescribedPredicate.<JavaClass>describe("entities or repositories of " + module.getDisplayName(),
							c -> c.getPackageName().startsWith(base) && (c.isAnnotatedWith(Entity.class)
									|| c.isAssignableTo(Repository.class))))
					.allowEmptyShould(true).check(classes);
		});
	}

	/**
	 * A module publishes its top package and its named interfaces; its entities, repositories, controllers and
	 * scheduled jobs are not among them (package-private, or in a sub-package that is no named interface). Every
	 * module is held to it.
	 */
	@ParameterizedTest
	@MethodSource("moduleNames")
	void modulesPublishNoEntitiesRepositoriesControllersOrJobs(String name) {
		var module = modules.getModuleByName(name).orElseThrow();
		Set<String> published = new HashSet<>();
		for (NamedInterface api : module.getNamedInterfaces()) {
			api.forEach(type -> published.add(type.getName()));
		}
		String base = module.getBasePackage().getName();
		noClasses().that().resideInAPackage(base + "..").and(ENTITIES_REPOSITORIES_CONTROLLERS_OR_JOBS)
				.should(ArchConditions.be(DescribedPredicate.describe("published by " + module.getDisplayName(),
						(JavaClass type) -> published.contains(type.getName()))))
				.allowEmptyShould(true)
				.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
						.importPackages(base));
	}

	static Stream<String> moduleNames() {
		return ApplicationModules.of(KcmApplication.class).stream().map(ApplicationModule::getName);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml()
				.writeModuleCanvases();
	}
}
