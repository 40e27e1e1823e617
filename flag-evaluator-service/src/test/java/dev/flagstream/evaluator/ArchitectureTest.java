package dev.flagstream.evaluator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The evaluator reads the store through the client's public API and keeps no database. */
@AnalyzeClasses(
    packages = "dev.flagstream.evaluator",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("dev.flagstream.evaluator.(*)..").should().beFreeOfCycles();

  // The client's internals are package-private, so the compiler keeps the evaluator off them.
  @ArchTest
  static final ArchRule noDatabase =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.springframework.jdbc..");
}
