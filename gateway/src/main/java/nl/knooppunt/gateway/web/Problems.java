package nl.knooppunt.gateway.web;

import java.net.URI;
import java.util.List;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.gateway.engine.EngineException;
import org.springframework.http.HttpStatus;

/** Problem types (RFC 9457) and the exceptions the services throw for client mistakes. */
public final class Problems {

  private Problems() {}

  public static URI type(String slug) {
    return URI.create("https://knooppunt.nl/problemen/" + slug);
  }

  /** Base of the exceptions that map to a problem response. */
  public abstract static class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String slug;
    private final String title;

    protected ApiException(HttpStatus status, String slug, String title, String detail) {
      super(detail);
      this.status = status;
      this.slug = slug;
      this.title = title;
    }

    public HttpStatus status() {
      return status;
    }

    public String slug() {
      return slug;
    }

    public String title() {
      return title;
    }

    public List<FieldError> errors() {
      return List.of();
    }
  }

  /** 404. */
  public static class NotFound extends ApiException {
    public NotFound(String detail) {
      super(HttpStatus.NOT_FOUND, "onbekend", "Niet gevonden", detail);
    }
  }

  /** 409: does not fit the current state. */
  public static class Conflict extends ApiException {
    public Conflict(String detail) {
      super(HttpStatus.CONFLICT, "conflict", "Past niet bij de huidige toestand", detail);
    }
  }

  /** 409: the four-eyes principle refuses this person this decision (docs/processes.md). */
  public static class FourEyes extends ApiException {
    public FourEyes(String detail) {
      super(HttpStatus.CONFLICT, "vier-ogen", "Vier-ogenprincipe", detail);
    }
  }

  /** 403 for scope (own region, own municipality, candidate group). */
  public static class OutOfScope extends ApiException {
    public OutOfScope(String detail) {
      super(HttpStatus.FORBIDDEN, "geen-toegang", "Geen toegang", detail);
    }
  }

  /** 400 with a field list. */
  public static class Invalid extends ApiException {
    private final List<FieldError> errors;

    public Invalid(String detail, List<FieldError> errors) {
      super(HttpStatus.BAD_REQUEST, "ongeldige-invoer", "Ongeldige invoer", detail);
      this.errors = List.copyOf(errors);
    }

    public static Invalid field(String field, String message) {
      return new Invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    @Override
    public List<FieldError> errors() {
      return errors;
    }
  }

  /** 503: the engine is not reachable (Kafka never is asked in a request: the outbox waits). */
  public static class Unavailable extends ApiException {
    public Unavailable(String detail) {
      super(
          HttpStatus.SERVICE_UNAVAILABLE, "niet-beschikbaar", "Tijdelijk niet beschikbaar", detail);
    }
  }

  /**
   * The problem an engine failure is for the client: unknown to the engine 404, rejected in its
   * state 409, unavailable 503; the detail is the engine adapter's message.
   */
  public static ApiException of(EngineException e) {
    if (e instanceof EngineException.UnknownToEngine) {
      return new NotFound(e.getMessage());
    }
    if (e instanceof EngineException.Rejected) {
      return new Conflict(e.getMessage());
    }
    return new Unavailable(e.getMessage());
  }
}
