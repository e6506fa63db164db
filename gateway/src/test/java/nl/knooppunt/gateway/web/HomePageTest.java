package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HomePageTest {

  @Test
  void theWorldSwitchOnlyReturnsToAPageOfThisServer() {
    assertThat(HomePage.localPath("http://localhost:8080/crises?status=alle"))
        .isEqualTo("/crises?status=alle");
    assertThat(HomePage.localPath("https://evil.example//phish")).isEqualTo("/");
    assertThat(HomePage.localPath("//evil.example/x")).as("the host is dropped").isEqualTo("/x");
    assertThat(HomePage.localPath(null)).isEqualTo("/");
    assertThat(HomePage.localPath("not a uri")).isEqualTo("/");
  }
}
