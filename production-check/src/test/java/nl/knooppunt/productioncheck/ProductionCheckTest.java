package nl.knooppunt.productioncheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The generic rules, the one-line-per-setting report and the check at start. */
class ProductionCheckTest {

  static final String URL = "example.server.url";
  static final String USER = "example.server.user";

  static final ProductionCheck CHECK =
      new ProductionCheck(
          "the example",
          List.of(
              Rules.remoteAddress(URL, "the server", "point it at the real server"),
              Rules.required(USER, "the user"),
              Rules.notEmbeddedDefault(USER, "demo", "use the installation's own user")));

  private static List<String> problems(Map<String, String> settings) {
    return CHECK.problems(Settings.of(settings));
  }

  @Test
  void everyMissingSettingIsNamedWithItsEnvironmentVariable() {
    assertThat(problems(Map.of()))
        .containsExactly(
            "example.server.url (EXAMPLE_SERVER_URL) is not set: the server",
            "example.server.user (EXAMPLE_SERVER_USER) is not set: the user");
  }

  @Test
  void thisMachineIsRefusedUnlessExplicitlyAllowed() {
    Map<String, String> s = new HashMap<>(Map.of(URL, "http://127.0.0.1:1/x", USER, "app"));
    assertThat(problems(s))
        .containsExactly(
            "example.server.url (EXAMPLE_SERVER_URL) is 'http://127.0.0.1:1/x' (this machine):"
                + " point it at the real server");
    s.put(ProductionCheck.ALLOW_LOOPBACK, "true");
    assertThat(problems(s)).isEmpty();
  }

  @Test
  void anEmbeddedDefaultIsRefusedEvenWhenThisMachineIsAllowed() {
    Map<String, String> s =
        Map.of(URL, "http://server:1", USER, "Demo", ProductionCheck.ALLOW_LOOPBACK, "true");
    assertThat(problems(s))
        .containsExactly(
            "example.server.user (EXAMPLE_SERVER_USER) is 'Demo', the embedded default: use the"
                + " installation's own user");
  }

  @Test
  void aSettingIsNamedOnceAndBlankIsNotSet() {
    ProductionCheck twice =
        new ProductionCheck(
            "the example", List.of(Rules.required(USER, "first"), Rules.required(USER, "second")));
    assertThat(twice.problems(Settings.of(Map.of(USER, "  "))))
        .containsExactly("example.server.user (EXAMPLE_SERVER_USER) is not set: first");
  }

  @Test
  void theExceptionListsEveryProblemAndNamesTheApplication() {
    assertThatThrownBy(() -> CHECK.verify(Settings.of(Map.of())))
        .isInstanceOf(ProductionSettingsException.class)
        .hasMessageStartingWith(
            "The example will not start in profile 'production' (2 setting(s), see"
                + " docs/operations.md):\n - example.server.url")
        .hasMessageContaining("\n - example.server.user")
        .satisfies(e -> assertThat(((ProductionSettingsException) e).problems()).hasSize(2));
  }

  @Test
  void childrenAreListedFromAMap() {
    Settings s = Settings.of(Map.of("a.users.x.password", "p", "a.users.y.name", "n", "b.c", "d"));
    assertThat(s.children("a.users")).containsExactlyInAnyOrder("x", "y");
    assertThat(s.children("nothing")).isEmpty();
  }

  // --- at start, in a Spring context --------------------------------------------------------

  @Configuration(proxyBeanMethods = false)
  @Profile("production")
  static class ExampleCheck {
    @Bean
    static BeanFactoryPostProcessor exampleCheck() {
      return new ProductionCheckPostProcessor(CHECK);
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(ExampleCheck.class);

  @Test
  void theProductionProfileRefusesToStartNamingTheSettings() {
    runner
        .withPropertyValues("spring.profiles.active=production", "example.server.user=app")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(ProductionSettingsException.class)
                    .hasMessageContaining("example.server.url (EXAMPLE_SERVER_URL) is not set")
                    .hasMessageNotContaining("example.server.user"));
  }

  @Test
  void aListIsJoinedAndTheOptInIsRead() {
    runner
        .withPropertyValues(
            "spring.profiles.active=production",
            "example.server.url[0]=server-a:1",
            "example.server.url[1]=localhost:2",
            "example.server.user=app")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasMessageContaining("is 'server-a:1,localhost:2' (this machine)"));
    runner
        .withPropertyValues(
            "spring.profiles.active=production",
            "example.server.url=http://server:1",
            "example.server.user=app",
            "knooppunt.production.allow-loopback=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void withoutTheProductionProfileNothingIsChecked() {
    runner.run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void childrenAreListedThroughTheBinder() {
    new ApplicationContextRunner()
        .withPropertyValues("a.users.x.password=p", "a.users.y.name=n")
        .run(
            context ->
                assertThat(Settings.of(context.getEnvironment()).children("a.users"))
                    .containsExactlyInAnyOrder("x", "y"));
  }
}
