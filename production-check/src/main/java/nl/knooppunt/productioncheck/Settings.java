package nl.knooppunt.productioncheck;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings an application reads, by property name ({@code camunda.client.grpc-address}). Read
 * from a Spring {@link Environment} they use relaxed binding, so {@code CAMUNDA_CLIENT_GRPCADDRESS}
 * and {@code camunda.client.grpc-address} are the same setting.
 */
public interface Settings {

  /** The value of a setting, or {@code null}; a list (e.g. of servers) is joined with commas. */
  String get(String name);

  /** The names directly below {@code prefix}: {@code a.b} for {@code a.b.x.y} is {@code x}. */
  Set<String> children(String prefix);

  /** Settings from a lookup that cannot list names ({@link #children} is always empty). */
  static Settings of(Function<String, String> lookup) {
    return new Settings() {
      @Override
      public String get(String name) {
        return lookup.apply(name);
      }

      @Override
      public Set<String> children(String prefix) {
        return Set.of();
      }
    };
  }

  /** Settings from a map of property names to values (tests, deployment files). */
  static Settings of(Map<String, String> values) {
    return new Settings() {
      @Override
      public String get(String name) {
        return values.get(name);
      }

      @Override
      public Set<String> children(String prefix) {
        Set<String> names = new LinkedHashSet<>();
        String start = prefix + ".";
        for (String key : values.keySet()) {
          if (key.startsWith(start)) {
            String rest = key.substring(start.length());
            int dot = rest.indexOf('.');
            names.add(dot < 0 ? rest : rest.substring(0, dot));
          }
        }
        return names;
      }
    };
  }

  /** Settings as the application binds them: every property source, relaxed names. */
  static Settings of(Environment environment) {
    return of(Binder.get(environment));
  }

  /** Settings read through a {@link Binder}. */
  static Settings of(Binder binder) {
    return new Settings() {
      @Override
      public String get(String name) {
        return binder
            .bind(name, String.class)
            .orElseGet(
                () ->
                    binder
                        .bind(name, Bindable.listOf(String.class))
                        .map(list -> String.join(",", list))
                        .orElse(null));
      }

      @Override
      public Set<String> children(String prefix) {
        return binder
            .bind(prefix, Bindable.mapOf(String.class, Object.class))
            .map(map -> (Set<String>) new LinkedHashSet<>(map.keySet()))
            .orElse(Set.of());
      }
    };
  }
}
