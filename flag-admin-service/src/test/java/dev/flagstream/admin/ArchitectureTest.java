package dev.flagstream.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Features stay apart: no cycles between them, and the shared system package knows none. */
@AnalyzeClasses(
    packages = "dev.flagstream.admin",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("dev.flagstream.admin.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule systemKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("..admin.system..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..admin.flag..", "..admin.audit..", "..admin.account..");

  @ArchTest
  static final ArchRule onlyRepositoriesTouchJdbc =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.jdbc..", "java.sql..");
}
