package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A failure before any controller was reached, such as a login session that cannot be read from the
 * database (Spring Session JDBC): still a 503 with the banner or the problem, never a 500.
 */
class DatabaseOutageTest {

  private final DatabaseOutage filter = new DatabaseOutage();

  private static final FilterChain SESSION_UNREADABLE =
      (request, response) -> {
        throw new DataAccessResourceFailureException(
            "Failed to obtain JDBC Connection",
            new CannotGetJdbcConnectionException(
                "Connection refused", new SQLException("Connection refused", "08001")));
      };

  @Test
  void aPageWhoseSessionCannotBeReadShowsTheBannerAsAnAlert() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(new MockHttpServletRequest("GET", "/taken"), response, SESSION_UNREADABLE);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    assertThat(response.getContentType()).startsWith("text/html");
    String page = response.getContentAsString();
    assertThat(page)
        .contains("<html lang=\"nl\"")
        .contains("<h1>Database tijdelijk niet bereikbaar</h1>")
        .contains("role=\"alert\"")
        .contains("De database is tijdelijk niet bereikbaar")
        .contains("opslaan lukt nu niet");
  }

  @Test
  void anApiCallWhoseSessionCannotBeReadIsAProblemInDutchAndEnglish() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(
        new MockHttpServletRequest("POST", "/api/v1/tasks/1/claim"), response, SESSION_UNREADABLE);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(response.getContentAsString());
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("type").asText()).endsWith("/database-niet-bereikbaar");
    assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/tasks/1/claim");
    assertThat(problem.path("detail").asText())
        .contains("tijdelijk niet bereikbaar")
        .contains("temporarily unavailable");
  }

  @Test
  void anyOtherFailureGoesOnAsItWas() {
    FilterChain bug =
        (request, response) -> {
          throw new DataIntegrityViolationException("duplicate key");
        };

    assertThatThrownBy(
            () ->
                filter.doFilter(
                    new MockHttpServletRequest("GET", "/taken"),
                    new MockHttpServletResponse(),
                    bug))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aBrokenConnectionOrAServerShuttingDownIsTheDatabaseBeingAway() {
    assertThat(DatabaseOutage.isCause(new SQLException("I/O error", "08006"))).isTrue();
    assertThat(DatabaseOutage.isCause(new SQLException("terminating connection", "57P01")))
        .isTrue();
    assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("no cause"))).isFalse();
  }
}
