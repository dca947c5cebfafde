package com.kcm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business modules keep to their published APIs; writes the module documentation to docs/modules. */
class ModularityTests {

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

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml()
				.writeModuleCanvases();
	}
}
