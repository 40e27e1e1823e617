package dev.flagstream.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contracts stay a small library every SDK can embed. */
@AnalyzeClasses(
    packages = "dev.flagstream.contracts",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnlyOnTheJdkAndJspecify =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.flagstream.contracts..", "org.jspecify.annotations..")
          .because(
              "users' services bring their own libraries, in versions the contracts must not meet");

  @ArchTest
  static final ArchRule evaluationKnowsNothingOfTheWire =
      noClasses()
          .that()
          .resideInAPackage("..contracts.evaluation..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..contracts.internal..", "..contracts.change..");

  @ArchTest
  static final ArchRule flagKnowsNothingOfEvaluationOrTheWire =
      noClasses()
          .that()
          .resideInAPackage("..contracts.flag..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..contracts.evaluation..", "..contracts.change..");
}
