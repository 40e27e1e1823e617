package dev.flagstream.contracts.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kit stays something any Java implementation can put on its test class path. */
@AnalyzeClasses(
    packages = "dev.flagstream.contracts.tck",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnlyOnTheContractsJUnitAndAssertJ =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "dev.flagstream.contracts..",
              "org.jspecify.annotations..",
              "org.junit.jupiter.api..",
              "org.assertj.core..");
}
