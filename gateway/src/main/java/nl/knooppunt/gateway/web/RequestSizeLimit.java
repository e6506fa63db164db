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
 * or API call of the hub needs more (the longest text field is 4,000 characters; a photo fits). A
 * query parameter with a NUL character ({@code %00}) or text that is not UTF-8 is refused with 400
 * naming the parameter: no database takes it, and no client means it.
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
    String bad = badQueryParameter(request.getQueryString());
    if (bad != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/problem+json;charset=UTF-8");
      String name = bad.replace("\\", "\\\\").replace("\"", "\\\"");
      response
          .getWriter()
          .write(
              "{\"type\":\""
                  + Problems.type("ongeldige-invoer")
                  + "\",\"title\":\"Ongeldige invoer\",\"status\":400,\"detail\":\"Parameter '"
                  + name
                  + "' bevat een nulteken of is geen UTF-8.\",\"errors\":[{\"field\":\""
                  + name
                  + "\",\"message\":\"bevat een nulteken of is geen UTF-8\"}]}");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The name of the first query parameter with a NUL or an undecodable value, else null. */
  static String badQueryParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      String name = decode(rawName);
      String value = decode(rawValue);
      String shownName = name == null ? "?" : name.replace("\u0000", "").replace("\uFFFD", "");
      if (name == null
          || value == null
          || name.indexOf('\u0000') >= 0
          || value.indexOf('\u0000') >= 0) {
        return shownName.isEmpty() ? "?" : shownName;
      }
    }
    return null;
  }

  /** Strict UTF-8 percent-decoding; null when the text is not valid UTF-8. */
  private static String decode(String raw) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '%') {
          if (i + 2 >= raw.length()) {
            return null;
          }
          bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
          i += 2;
        } else if (c == '+') {
          bytes.write(' ');
        } else {
          bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (NumberFormatException | java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }
}
