package dev.flagstream.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The SDK stays light: no Spring, and OpenFeature only in the provider that needs it. */
@AnalyzeClasses(
    packages = "dev.flagstream.client",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noSpring =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

  @ArchTest
  static final ArchRule openFeatureOnlyInTheProvider =
      noClasses()
          .that()
          .resideOutsideOfPackage("..client.openfeature..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.openfeature..");
}
