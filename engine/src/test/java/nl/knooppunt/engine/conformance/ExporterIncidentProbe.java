package nl.knooppunt.engine.conformance;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IncidentProbe} for the embedded engine, fed by its in-process exporter hook (issue 3: "an
 * exporter hook: every record ... can be observed in order by in-process listeners; ... the tests
 * for assertions"). It keeps the incidents that were CREATED and not yet RESOLVED.
 *
 * <p>The hook is found reflectively (a public one-argument {@code add...Listener} or {@code
 * register...Listener} method of the engine whose parameter is a functional interface), so the
 * suite keeps compiling whatever the registration method is called. Records are read through their
 * accessors {@code valueType()}, {@code intent()}, {@code key()} and {@code value()} (a map).
 */
final class ExporterIncidentProbe implements IncidentProbe {

  private final Map<Long, IncidentView> active = new LinkedHashMap<>();
  private final Map<Long, Long> instanceOf = new LinkedHashMap<>();

  private ExporterIncidentProbe() {}

  /** Registers a probe on the engine's record hook, if it has one. */
  static Optional<IncidentProbe> attach(final Object engine) {
    final Optional<Method> register = findRegistration(engine.getClass());
    if (register.isEmpty()) {
      return Optional.empty();
    }
    final Method method = register.get();
    final Class<?> listenerType = method.getParameterTypes()[0];
    final ExporterIncidentProbe probe = new ExporterIncidentProbe();
    final InvocationHandler handler =
        (proxy, invoked, args) -> {
          if (invoked.getDeclaringClass() == Object.class) {
            return switch (invoked.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "ConformanceIncidentListener";
            };
          }
          if (args != null && args.length == 1) {
            probe.onRecord(args[0]);
          }
          return null;
        };
    final Object listener =
        Proxy.newProxyInstance(
            listenerType.getClassLoader(), new Class<?>[] {listenerType}, handler);
    try {
      method.invoke(engine, listener);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not register the incident listener", e);
    }
    return Optional.of(probe);
  }

  private static Optional<Method> findRegistration(final Class<?> type) {
    for (final Method m : type.getMethods()) {
      if (m.getParameterCount() == 1
          && Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && m.getName().toLowerCase(Locale.ROOT).contains("listener")
          && (m.getName().startsWith("add") || m.getName().startsWith("register"))
          && m.getParameterTypes()[0].isInterface()
          && isFunctional(m.getParameterTypes()[0])) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static boolean isFunctional(final Class<?> type) {
    int abstractMethods = 0;
    for (final Method m : type.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers())) {
        abstractMethods++;
      }
    }
    return abstractMethods == 1;
  }

  private void onRecord(final Object record) {
    try {
      final String valueType = String.valueOf(call(record, "valueType"));
      if (!"INCIDENT".equals(valueType)) {
        return;
      }
      final String intent = String.valueOf(call(record, "intent"));
      final long key = ((Number) call(record, "key")).longValue();
      @SuppressWarnings("unchecked")
      final Map<String, Object> value = (Map<String, Object>) call(record, "value");
      synchronized (this) {
        if ("CREATED".equals(intent)) {
          final Object jobKey = value.get("jobKey");
          final Long job = jobKey instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
          active.put(
              key,
              new IncidentView(
                  key,
                  String.valueOf(value.get("errorType")),
                  (String) value.get("errorMessage"),
                  (String) value.get("elementId"),
                  job));
          instanceOf.put(key, ((Number) value.get("processInstanceKey")).longValue());
        } else if ("RESOLVED".equals(intent)) {
          active.remove(key);
          instanceOf.remove(key);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // an unreadable record must never break the engine thread
    }
  }

  private static Object call(final Object target, final String accessor)
      throws ReflectiveOperationException {
    return target.getClass().getMethod(accessor).invoke(target);
  }

  @Override
  public synchronized List<IncidentView> activeIncidents(final long processInstanceKey) {
    final List<IncidentView> result = new ArrayList<>();
    for (final Map.Entry<Long, IncidentView> e : active.entrySet()) {
      if (instanceOf.get(e.getKey()) == processInstanceKey) {
        result.add(e.getValue());
      }
    }
    return result;
  }
}
