package nl.knooppunt.gateway.web;

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
 * A request body larger than {@link #MAX_BYTES} is refused before it is read: 413 problem. No form
 * or API call of the hub needs more (the longest text field is 4,000 characters; a photo fits).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

  static final long MAX_BYTES = 2 * 1024 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.setHeader("Connection", "close");
      response
          .getWriter()
          .write(
              "{\"type\":\""
                  + Problems.type("te-groot")
                  + "\",\"title\":\"Verzoek te groot\",\"status\":413,\"detail\":\"Het verzoek is "
                  + request.getContentLengthLong()
                  + " bytes; het knooppunt neemt er ten hoogste "
                  + MAX_BYTES
                  + ".\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
