package nl.knooppunt.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Request bodies are read in the contract's word (only the HTTP message converter, not the event
 * topics): no type coercion ({@code "5"} is not 5, {@code 2} is not {@code true}, {@code 1.5} is
 * not 1, 5 is not {@code "5"}), nothing after the JSON value, strings trimmed and a blank string is
 * a missing value, and U+0000 or a lone surrogate is refused naming the field; a time lies between
 * 2000 and a year ahead.
 */
final class StrictJson {

  private StrictJson() {}

  /** Gives the JSON message converters a strict copy of their mapper. */
  static void apply(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> c : converters) {
      if (c instanceof MappingJackson2HttpMessageConverter json) {
        json.setObjectMapper(strict(json.getObjectMapper()));
      }
    }
  }

  static ObjectMapper strict(ObjectMapper base) {
    ObjectMapper m = base.copy();
    m.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    for (LogicalType t :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      m.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // a bare JSON string is not an object, even for a model with a one-text constructor
    m.coercionConfigFor(LogicalType.POJO)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    m.registerModule(
        new SimpleModule("knooppunt-strict-strings")
            .addDeserializer(String.class, new Text())
            .addDeserializer(java.time.OffsetDateTime.class, new InWindow()));
    return m;
  }

  /**
   * A time in a request lies in a sane window (issue #20 §3): not before 2000, not more than a year
   * ahead — the same window as the task forms ({@link DateWindow}); outside it, 400 naming the
   * field.
   */
  static final class InWindow extends StdScalarDeserializer<java.time.OffsetDateTime> {
    InWindow() {
      super(java.time.OffsetDateTime.class);
    }

    @Override
    public java.time.OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      java.time.OffsetDateTime t =
          com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.OFFSET_DATE_TIME
              .deserialize(p, ctxt);
      if (t != null
          && !DateWindow.contains(t.toLocalDate(), java.time.Instant.now(), DateWindow.MAX_AHEAD)) {
        throw new OutsideWindow(p, DateWindow.message(DateWindow.MAX_AHEAD), t);
      }
      return t;
    }
  }

  /** A date or time outside the sane window: its message is for the person. */
  static final class OutsideWindow extends InvalidFormatException {
    OutsideWindow(JsonParser p, String message, Object value) {
      super(p, message, value, java.time.OffsetDateTime.class);
    }
  }

  /** Trims; blank is missing; U+0000 and lone surrogates are not text. */
  static final class Text extends StdScalarDeserializer<String> {
    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      String raw = p.getText();
      String problem = problem(raw);
      if (problem != null) {
        throw InvalidFormatException.from(p, problem, raw, String.class);
      }
      String trimmed = raw.strip();
      return trimmed.isEmpty() ? null : trimmed;
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
      return null;
    }

    static String problem(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\u0000') {
          return "bevat het teken U+0000";
        }
        if (Character.isHighSurrogate(c)) {
          if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            i++;
            continue;
          }
          return "bevat een losse surrogaat (geen geldige Unicode)";
        }
        if (Character.isLowSurrogate(c)) {
          return "bevat een losse surrogaat (geen geldige Unicode)";
        }
      }
      return null;
    }
  }
}
