package nl.knooppunt.gateway.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.gateway.engine.EngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} (RFC 9457); validation failures carry {@code
 * errors} with one entry per field. A client mistake is never a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private static ResponseEntity<Object> problem(
      HttpStatusCode status,
      String slug,
      String title,
      String detail,
      List<FieldError> errors,
      String path) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(Problems.type(slug));
    p.setTitle(title);
    if (path != null) {
      p.setInstance(URI.create(path));
    }
    if (errors != null && !errors.isEmpty()) {
      p.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  private static String path(WebRequest request) {
    return request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : null;
  }

  private static ResponseEntity<Object> invalid(List<FieldError> errors, String path) {
    String detail =
        errors.isEmpty()
            ? "De invoer is ongeldig."
            : "Ongeldige invoer: "
                + String.join(", ", errors.stream().map(FieldError::getField).distinct().toList())
                + ".";
    return problem(
        HttpStatus.BAD_REQUEST, "ongeldige-invoer", "Ongeldige invoer", detail, errors, path);
  }

  @ExceptionHandler(Problems.ApiException.class)
  ResponseEntity<Object> api(Problems.ApiException e, HttpServletRequest request) {
    return problem(
        e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), request.getRequestURI());
  }

  @ExceptionHandler(EngineException.class)
  ResponseEntity<Object> engine(EngineException e, HttpServletRequest request) {
    return api(Problems.of(e), request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
    return problem(
        HttpStatus.FORBIDDEN,
        "geen-toegang",
        "Geen toegang",
        e.getMessage(),
        null,
        request.getRequestURI());
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
    return problem(
        HttpStatus.UNAUTHORIZED,
        "niet-ingelogd",
        "Niet ingelogd",
        e.getMessage(),
        null,
        request.getRequestURI());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getConstraintViolations()
        .forEach(
            v -> {
              String p = v.getPropertyPath().toString();
              errors.add(new FieldError(p.substring(p.lastIndexOf('.') + 1), v.getMessage()));
            });
    return invalid(errors, request.getRequestURI());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> mismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return invalid(
        List.of(new FieldError(e.getName(), "ongeldige waarde '" + e.getValue() + "'")),
        request.getRequestURI());
  }

  /**
   * Text PostgreSQL cannot hold (U+0000, SQL state 22021) that came in some way the readers did not
   * catch: the client's mistake, a 400; anything else about the data stays a 500.
   */
  @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
  ResponseEntity<Object> dataIntegrity(
      org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
      return invalid(
          List.of(new FieldError("body", "bevat het teken U+0000 of geen geldige UTF-8")),
          request.getRequestURI());
    }
    return unexpected(e, request);
  }

  /** A multipart body that cannot be read (the API takes JSON). */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<Object> brokenMultipart(
      org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
    return invalid(
        List.of(new FieldError("body", "geen leesbaar multipart-bericht")),
        request.getRequestURI());
  }

  /**
   * PostgreSQL is away (stopped, restarting, unreachable): 503 with {@code Retry-After}, never 500
   * (docs/adr/0039). Nothing of the request was saved; the client tries again.
   */
  @ExceptionHandler({
    org.springframework.dao.DataAccessResourceFailureException.class,
    org.springframework.dao.TransientDataAccessResourceException.class,
    org.springframework.transaction.CannotCreateTransactionException.class
  })
  ResponseEntity<Object> databaseAway(Exception e, HttpServletRequest request) {
    LOG.warn("The database is unreachable ({}): 503 for {}", e, request.getRequestURI());
    ResponseEntity<Object> problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            DatabaseOutage.SLUG,
            DatabaseOutage.TITLE,
            DatabaseOutage.DETAIL,
            null,
            request.getRequestURI());
    return ResponseEntity.status(problem.getStatusCode())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
        .body(problem.getBody());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    if (DatabaseOutage.isCause(e)) {
      return databaseAway(e, request);
    }
    LOG.error("Unexpected error on {}", request.getRequestURI(), e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "interne-fout",
        "Interne fout",
        "Er ging iets mis in het knooppunt; de fout is gelogd.",
        null,
        request.getRequestURI());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getBindingResult()
        .getFieldErrors()
        .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
    return invalid(errors, path(request));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            r -> {
              String name = r.getMethodParameter().getParameterName();
              r.getResolvableErrors()
                  .forEach(err -> errors.add(new FieldError(name, err.getDefaultMessage())));
            });
    return invalid(errors, path(request));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(List.of(new FieldError(ex.getParameterName(), "is verplicht")), path(request));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = "body";
    String message = "geen geldige JSON";
    if (ex.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = jsonPath(m.getPath());
      if (m instanceof UnrecognizedPropertyException) {
        message = "onbekend veld";
      } else if (m instanceof InvalidFormatException f
          && (f.getTargetType() == String.class || f instanceof StrictJson.OutsideWindow)) {
        message = f.getOriginalMessage();
      } else if (m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi
          && mi.getTargetType() != null) {
        message = "verkeerd type: verwacht " + expected(mi.getTargetType());
      } else {
        message = "ongeldige waarde";
      }
    } else if (ex.getMessage() != null && ex.getMessage().contains("Required request body")) {
      message = "ontbreekt";
    }
    return invalid(List.of(new FieldError(field, message)), path(request));
  }

  /** What a field of this type takes, in words. */
  private static String expected(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "true of false";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == java.math.BigInteger.class) {
      return "een geheel getal";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "een getal";
    }
    if (type == String.class) {
      return "tekst tussen aanhalingstekens";
    }
    if (type.isEnum()) {
      return "een van de waarden uit het contract";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "een datum/tijd (ISO 8601)";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "een lijst";
    }
    return "een object";
  }

  private static String jsonPath(List<JsonMappingException.Reference> refs) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (!s.isEmpty()) {
          s.append('.');
        }
        s.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.isEmpty() ? "body" : s.toString();
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail p) {
      if (p.getType() == null || "about:blank".equals(p.getType().toString())) {
        p.setType(Problems.type("http-" + statusCode.value()));
      }
      return ResponseEntity.status(response.getStatusCode())
          .headers(response.getHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(p);
    }
    return response;
  }
}
