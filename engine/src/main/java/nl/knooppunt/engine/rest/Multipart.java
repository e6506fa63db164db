package nl.knooppunt.engine.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.knooppunt.engine.EngineException;

/**
 * A minimal {@code multipart/form-data} reader (RFC 7578) for {@code POST /v2/deployments}: the
 * parts' field names, file names and bytes. Anything it cannot read is a client mistake
 * (INVALID_ARGUMENT), never a server error.
 */
final class Multipart {

  /** One part: its form field name, its file name (null for a plain field) and its content. */
  record Part(String name, String filename, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static List<Part> parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw malformed("the boundary '" + boundary + "' does not occur in the body");
    }
    List<Part> parts = new ArrayList<>();
    int pos = at + delimiter.length;
    while (true) {
      if (startsWith(body, pos, "--")) {
        return parts; // the closing delimiter
      }
      if (!startsWith(body, pos, "\r\n")) {
        throw malformed("a boundary is not followed by a line break");
      }
      pos += 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (headersEnd < 0) {
        throw malformed("a part has no end of its headers");
      }
      String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int contentEnd = indexOf(body, nextDelimiter, contentStart);
      if (contentEnd < 0) {
        throw malformed("a part is not closed by the boundary");
      }
      String disposition = null;
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
          disposition = line.substring(colon + 1).trim();
        }
      }
      if (disposition == null) {
        throw malformed("a part has no Content-Disposition header");
      }
      byte[] content = new byte[contentEnd - contentStart];
      System.arraycopy(body, contentStart, content, 0, content.length);
      parts.add(
          new Part(parameter(disposition, "name"), parameter(disposition, "filename"), content));
      pos = contentEnd + nextDelimiter.length;
    }
  }

  private static String boundary(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw EngineException.invalidArgument(
          "Expected a multipart/form-data request body, but the Content-Type was '"
              + contentType
              + "'");
    }
    String boundary = parameter(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw malformed("the Content-Type names no boundary");
    }
    return boundary;
  }

  /** The value of {@code key=value} or {@code key="value"} in a header with ';' parameters. */
  private static String parameter(String header, String key) {
    for (String piece : header.split(";")) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(key)) {
        String value = p.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] body, int pos, String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (pos + b.length > body.length) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      if (body[pos + i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (body[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static EngineException malformed(String why) {
    return EngineException.invalidArgument("The multipart request body is malformed: " + why);
  }
}
