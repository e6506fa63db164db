package nl.knooppunt.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import nl.knooppunt.gateway.logbook.Logbook;
import nl.knooppunt.gateway.logbook.LogbookEntries;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.gateway.web.Page;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway is cut by feature (docs/adr/0021): its packages depend on each other without a cycle,
 * a feature reaches another only through what that one makes public (its service, its queries), and
 * the infrastructure below the features knows none of them.
 */
class GatewayStructureTest {

  /** The features: each has its service, its REST controller and pages, its projection. */
  static final String[] FEATURES = {
    "..gateway.crisis..",
    "..gateway.task..",
    "..gateway.notification..",
    "..gateway.threatlevel..",
    "..gateway.manhunt..",
    "..gateway.assistance..",
    "..gateway.dashboard..",
    "..gateway.evaluation..",
    "..gateway.contact..",
    "..gateway.logbook.."
  };

  /** What the features stand on. */
  static final String[] INFRASTRUCTURE = {
    "..gateway.database..",
    "..gateway.web..",
    "..gateway.security..",
    "..gateway.scope..",
    "..gateway.readmodel..",
    "..gateway.events..",
    "..gateway.engine..",
    "..gateway.process..",
    "..gateway.config..",
    "..gateway.directory..",
    "..gateway.forms..",
    "..gateway.system..",
    "..gateway.health.."
  };

  static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("nl.knooppunt.gateway");

  /** No cycle among the packages right under {@code root}. */
  static ArchRule packagesWithoutCycles(String root) {
    return slices()
        .matching(root + ".(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .because("a package that needs another may not be needed by it (docs/adr/0021)");
  }

  @Test
  void theGatewayPackagesDependOnEachOtherWithoutCycles() {
    packagesWithoutCycles("nl.knooppunt.gateway").check(GATEWAY);
  }

  @Test
  void theRuleAgainstCyclesFindsAPlantedOne() {
    JavaClasses planted = new ClassFileImporter().importPackages("nl.knooppunt.archfixture");
    assertThat(planted.contain(nl.knooppunt.archfixture.a.Left.class)).isTrue();

    EvaluationResult result = packagesWithoutCycles("nl.knooppunt.archfixture").evaluate(planted);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("Cycle detected: a -> ")
        .contains("Dependencies of a")
        .contains("Dependencies of b")
        .contains("nl.knooppunt.archfixture.b.Right.left()");
  }

  @Test
  void theInfrastructureKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(INFRASTRUCTURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(GATEWAY);
  }

  @Test
  void nothingCallsARestControllerOrAProjectionDirectly() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(RestController.class)
        .because("pages and services share the feature's service, not its REST controller")
        .check(GATEWAY);
    noClasses()
        .that()
        .doNotHaveSimpleName("Projector")
        .should()
        .dependOnClassesThat()
        .implement(Projection.class)
        .because("the Projector calls the projections, in one transaction per event")
        .check(GATEWAY);
  }

  @Test
  void theLogbookIsReadThroughScopeAndClearance() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(LogbookEntries.class.getName())
        .should()
        .callMethod(Logbook.class, "ofCrisis", String.class)
        .because(
            "a crisis's entries are read as the user may read them: its scope and clearance"
                + " (LogbookEntries, docs/adr/0031)")
        .check(GATEWAY);
  }

  @Test
  void pagesDoNotUnwrapResponseEntities() {
    noClasses()
        .that()
        .areAnnotatedWith(Page.class)
        .should()
        .dependOnClassesThat()
        .areAssignableTo(ResponseEntity.class)
        .check(GATEWAY);
  }

  @Test
  void theEngineAdapterKnowsNothingOfHttp() {
    noClasses()
        .that()
        .resideInAPackage("..gateway.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..gateway.web..", "org.springframework.http..")
        .check(GATEWAY);
  }
}
