package nl.knooppunt.gateway.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the server renders an error of another request; asked for directly there
 * is no error to show, and the error controller would answer 500. It is a 404 problem instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectErrorRequests extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getDispatcherType() != DispatcherType.REQUEST
        || !"/error".equals(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + Problems.type("onbekend")
                + "\",\"title\":\"Niet gevonden\",\"status\":404,"
                + "\"detail\":\"Deze pagina bestaat niet.\",\"instance\":\"/error\"}");
  }
}
