package nl.knooppunt.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * Every response of the API carries the full version of the contract in the header {@value #HEADER}
 * (the API Design Rules of Logius, /core/version-header; docs/adr/0032): the {@code info.version}
 * of {@code openapi/knooppunt-api.yaml}, the one place the version is written. The header is set
 * before anything else answers, so a 401, 403 or 413 carries it too; a request the web server
 * refuses before the application sees it gets it from {@link TomcatProblems}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiVersion extends OncePerRequestFilter {

  /** The header's name, as the contract declares it in {@code components.headers}. */
  public static final String HEADER = "API-Version";

  /** The API's paths: the server URL of the contract. */
  static final String API_PATHS = "/api/";

  private static final String VERSION = readVersion();

  /** The full version of the contract, e.g. {@code 1.0.0}. */
  public static String version() {
    return VERSION;
  }

  /** Whether a request path is one of the API's. */
  static boolean isApi(String path) {
    return path != null && path.startsWith(API_PATHS);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isApi(request.getRequestURI())) {
      response.setHeader(HEADER, VERSION);
    }
    chain.doFilter(request, response);
  }

  @SuppressWarnings("unchecked")
  private static String readVersion() {
    try (InputStream in =
        ApiVersion.class.getClassLoader().getResourceAsStream("openapi/knooppunt-api.yaml")) {
      if (in == null) {
        throw new IllegalStateException(
            "the contract openapi/knooppunt-api.yaml is not on the classpath");
      }
      Map<String, Object> contract = new Yaml().load(in);
      Object version = ((Map<String, Object>) contract.get("info")).get("version");
      if (!(version instanceof String text) || text.isBlank()) {
        throw new IllegalStateException("the contract has no info.version");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
