package dev.flagstream.admin;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.springframework.stereotype.Repository;

/**
 * Features stay apart: no cycles between them, the shared system package knows none, change data
 * capture meets the others only in the database; SQL stays in storage classes; the contracts are
 * used through their API; no class takes a name Spring Boot already uses.
 */
@AnalyzeClasses(
    packages = "dev.flagstream.admin",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String BOOT = "org/springframework/boot/";
  private static final String[] FEATURES = {
    "..admin.flag..",
    "..admin.audit..",
    "..admin.account..",
    "..admin.session..",
    "..admin.password..",
    "..admin.twofactor..",
    "..admin.sso..",
    "..admin.console..",
    "..admin.cdc.."
  };

  /** Opening connections and running SQL; the exception types of JDBC only classify failures. */
  private static final DescribedPredicate<JavaClass> JDBC =
      resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
          .and(not(assignableTo(Throwable.class)))
          .as("JDBC");

  /**
   * Where change data capture reaches PostgreSQL below the API's pool: its connections and their
   * settings, the leader's lock, the replication slot, the offsets, the topic's reconciliation.
   */
  private static final DescribedPredicate<JavaClass> CAPTURE_CONNECTIONS =
      DescribedPredicate.describe(
          "the capture's connections",
          type ->
              type.getPackageName().startsWith("dev.flagstream.admin.cdc")
                  && Set.of(
                          "CaptureDatabase",
                          "CaptureLeadership",
                          "ReplicationSlot",
                          "TopicReconciler",
                          "PostgresOffsetStore",
                          "CdcConfiguration")
                      .contains(topLevel(type).getSimpleName()));

  private static JavaClass topLevel(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

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
          .resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule captureMeetsTheOtherFeaturesOnlyInTheDatabase =
      noClasses()
          .that()
          .resideInAPackage("..admin.cdc..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..admin.flag..", "..admin.audit..", "..admin.account..", "..admin.system..");

  @ArchTest
  static final ArchRule onlyRepositoriesAndTheCapturesConnectionsTouchJdbc =
      noClasses()
          .that()
          .areNotAnnotatedWith(Repository.class)
          .and(not(CAPTURE_CONNECTIONS))
          .should()
          .dependOnClassesThat(JDBC)
          .because(
              "controllers, services and filters reach the database through a repository, and"
                  + " change data capture through the few classes that hold its own connections");

  @ArchTest
  static final ArchRule contractsAreUsedThroughTheirApi =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.flagstream.contracts.internal..")
          .because("what the admin needs of a wire form, the contracts' public API provides");

  /** A class named like one of Spring Boot's invites the wrong import, and reads as Boot's own. */
  @ArchTest
  static void noClassIsNamedLikeASpringBootClass(JavaClasses admin) throws IOException {
    Set<String> boot = springBootClassNames();
    assertThat(boot).as("Spring Boot's classes were found").hasSizeGreaterThan(1000);
    assertThat(admin.stream().filter(JavaClass::isTopLevelClass).map(JavaClass::getSimpleName))
        .filteredOn(boot::contains)
        .isEmpty();
  }

  /** The simple names of Spring Boot's top-level classes, read from the jars' entries. */
  private static Set<String> springBootClassNames() throws IOException {
    Set<String> names = new HashSet<>();
    Enumeration<URL> roots = ArchitectureTest.class.getClassLoader().getResources(BOOT);
    for (URL root : Collections.list(roots)) {
      if (root.openConnection() instanceof JarURLConnection jar) {
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
          file.stream()
              .map(JarEntry::getName)
              .filter(name -> name.startsWith(BOOT) && name.endsWith(".class"))
              .map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - 6))
              .filter(name -> !name.contains("$") && !name.equals("package-info"))
              .forEach(names::add);
        }
      }
    }
    return names;
  }
}
