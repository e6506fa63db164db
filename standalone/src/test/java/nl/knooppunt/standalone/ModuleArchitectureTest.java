package nl.knooppunt.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN §3 holds in the main code of every module: workers and gateway never
 * know each other, only the standalone hub knows the embedded engine (tests may use it anywhere),
 * the process catalogue depends on no application module, and the production check is shared
 * machinery that knows no module.
 */
class ModuleArchitectureTest {

  private static JavaClasses mainCode;

  @BeforeAll
  static void importMainCode() {
    mainCode =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.knooppunt");
  }

  @Test
  void workersDoNotDependOnTheGateway() {
    check(
        noClasses()
            .that()
            .resideInAPackage("nl.knooppunt.workers..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.knooppunt.gateway.."));
  }

  @Test
  void theGatewayDoesNotDependOnTheWorkers() {
    check(
        noClasses()
            .that()
            .resideInAPackage("nl.knooppunt.gateway..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.knooppunt.workers.."));
  }

  @Test
  void onlyTheStandaloneHubDependsOnTheEngine() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages("nl.knooppunt.standalone..", "nl.knooppunt.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.knooppunt.engine.."));
  }

  @Test
  void theProcessCatalogueDependsOnNoApplicationModule() {
    check(
        noClasses()
            .that()
            .resideInAPackage("nl.knooppunt.processes..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "nl.knooppunt.workers..",
                "nl.knooppunt.gateway..",
                "nl.knooppunt.engine..",
                "nl.knooppunt.standalone.."));
  }

  @Test
  void theEngineKnowsNothingOfTheHub() {
    check(
        noClasses()
            .that()
            .resideInAPackage("nl.knooppunt.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "nl.knooppunt.workers..",
                "nl.knooppunt.gateway..",
                "nl.knooppunt.processes..",
                "nl.knooppunt.standalone.."));
  }

  @Test
  void theDirectoryDependsOnNoOtherModule() {
    check(
        noClasses()
            .that()
            .resideInAPackage("nl.knooppunt.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "nl.knooppunt.processes..",
                "nl.knooppunt.workers..",
                "nl.knooppunt.gateway..",
                "nl.knooppunt.engine..",
                "nl.knooppunt.standalone.."));
  }

  @Test
  void theProductionCheckDependsOnNoOtherModule() {
    check(
        noClasses()
            .that()
            .resideInAPackage("nl.knooppunt.productioncheck..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "nl.knooppunt.directory..",
                "nl.knooppunt.processes..",
                "nl.knooppunt.workers..",
                "nl.knooppunt.gateway..",
                "nl.knooppunt.engine..",
                "nl.knooppunt.standalone.."));
  }

  private static void check(ArchRule rule) {
    rule.check(mainCode);
  }
}
