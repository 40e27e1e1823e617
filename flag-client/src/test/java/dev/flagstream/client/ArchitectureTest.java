package dev.flagstream.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.flagstream.client.openfeature.FlagstreamProvider;
import dev.flagstream.client.testing.InMemoryFlagClient;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SDK stays light (no Spring, OpenFeature only in the provider that needs it), its public types
 * are exactly its API, and its packages use each other one way only.
 */
@AnalyzeClasses(
    packages = "dev.flagstream.client",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** What users may touch. Everything else is package-private and may change in any release. */
  static final List<Class<?>> API =
      List.of(
          FlagClient.class,
          FlagClientBuilder.class,
          FlagEvaluation.class,
          FlagChanged.class,
          ClientStatus.class,
          Subscription.class,
          FlagstreamProvider.class,
          InMemoryFlagClient.class);

  /** Each package of the SDK is a slice of its own, the root package included. */
  private static final SliceAssignment PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
          return type.getPackageName().startsWith("dev.flagstream.client")
              ? SliceIdentifier.of(type.getPackageName())
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "the packages of the SDK";
        }
      };

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

  @ArchTest
  static final ArchRule onlyTheApiIsPublic =
      classes()
          .that()
          .arePublic()
          .should()
          .haveNameMatching(
              API.stream()
                  .map(type -> Pattern.quote(type.getName()))
                  .collect(Collectors.joining("|")))
          .because("the implementation is package-private, so users cannot come to rely on it");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().assignedFrom(PACKAGES).should().beFreeOfCycles();
}
