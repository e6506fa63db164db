package nl.knooppunt.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.knooppunt.gateway.database.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * PostgreSQL (the read model, the logbook, the outbox) is away: the request answers 503 with a
 * {@code Retry-After}, never 500 (docs/adr/0039). The API's controllers and the pages map the
 * failure themselves ({@link ProblemHandler}, {@link PageModel}); this filter, outside every other
 * filter of the gateway, answers the same for a failure before a controller was reached (a session
 * or login read from the database), so the answer does not depend on where sessions live.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class DatabaseOutage extends OncePerRequestFilter {

  /** Seconds a client is asked to wait before it tries again ({@code Retry-After}). */
  public static final int RETRY_AFTER_SECONDS = 30;

  /** The problem's type slug. */
  public static final String SLUG = "database-niet-bereikbaar";

  /** The problem's title and the error page's heading. */
  public static final String TITLE = "Database tijdelijk niet bereikbaar";

  /** The problem's detail, in Dutch and English (the API is read by programs of other parties). */
  public static final String DETAIL =
      "De database van het knooppunt is tijdelijk niet bereikbaar; er is niets opgeslagen."
          + " Probeer het over "
          + RETRY_AFTER_SECONDS
          + " seconden opnieuw. / The hub's database is temporarily unavailable; nothing was"
          + " saved. Retry in "
          + RETRY_AFTER_SECONDS
          + " seconds.";

  /** The banner of a page. */
  public static final String BANNER =
      "De database is tijdelijk niet bereikbaar: wat u ziet kan verouderd zijn en opslaan lukt nu"
          + " niet. Wat al bevestigd was, blijft bewaard. Probeer het over een halve minuut"
          + " opnieuw.";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

  /** Whether the failure is PostgreSQL being away ({@link DatabaseUnreachable}). */
  public static boolean isCause(Throwable failure) {
    return DatabaseUnreachable.isCause(failure);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!isCause(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("The database is unreachable ({}): 503 for {}", e, request.getRequestURI());
      response.resetBuffer();
      answer(request, response);
    }
  }

  /** Writes the 503: a problem for the API, a page with the banner for a browser. */
  static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    if (ApiVersion.isApi(request.getRequestURI())) {
      response.setContentType("application/problem+json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\""
                  + Problems.type(SLUG)
                  + "\",\"title\":\""
                  + TITLE
                  + "\",\"status\":503,\"detail\":\""
                  + DETAIL
                  + "\",\"instance\":\""
                  + jsonText(request.getRequestURI())
                  + "\"}");
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>"
                + TITLE
                + " &middot; Landelijk Knooppunt</title>"
                + "<link rel=\"stylesheet\" href=\"/css/knooppunt.css\"></head><body>"
                + "<main id=\"inhoud\" class=\"smal\"><h1>"
                + TITLE
                + "</h1><div class=\"melding fout\" role=\"alert\"><p><strong>503</strong>"
                + " &middot; "
                + HtmlUtils.htmlEscape(BANNER)
                + "</p></div><p><a href=\"/\">Opnieuw proberen</a></p></main></body></html>");
  }

  private static String jsonText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
