package nl.knooppunt.standalone.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the subset of Helm's Go templates that deploy/helm/knooppunt uses, so the rendered
 * manifests can be checked where no {@code helm} binary exists (neither Debian nor npm ships one).
 * Supported: {@code .Values.*}, {@code .Release.*}, {@code .Chart.*}, {@code if}/{@code else}/
 * {@code end}, {@code define}/{@code include}, {@code required}, and the functions {@code quote},
 * {@code toYaml}, {@code nindent}, {@code indent}, {@code default}; whitespace trimming with {@code
 * {{-} and {@code -}}}. Anything else fails loudly, so a template cannot silently leave the subset;
 * a reference to a value that values.yaml does not have fails too (Helm would print nothing).
 */
final class HelmLite {

  private static final Pattern ACTION =
      Pattern.compile("\\{\\{(-?)(.*?)(-?)\\}\\}", Pattern.DOTALL);
  private static final Pattern DEFINE =
      Pattern.compile(
          "\\{\\{-?\\s*define\\s+\"([^\"]+)\"\\s*-?\\}\\}(.*?)\\{\\{-?\\s*end\\s*-?\\}\\}",
          Pattern.DOTALL);

  private final Map<String, Object> root = new HashMap<>();
  private final Map<String, String> defines = new HashMap<>();

  HelmLite(Map<String, Object> values, Map<String, Object> chart, String releaseName) {
    root.put("Values", values);
    root.put(
        "Chart",
        Map.of(
            "Name", chart.get("name"),
            "Version", String.valueOf(chart.get("version")),
            "AppVersion", String.valueOf(chart.get("appVersion"))));
    root.put("Release", Map.of("Name", releaseName, "Namespace", "knooppunt", "Service", "Helm"));
  }

  /** Reads the {@code define} blocks of a helpers file. */
  void helpers(String text) {
    Matcher m = DEFINE.matcher(text);
    while (m.find()) {
      defines.put(m.group(1), m.group(2));
    }
  }

  String render(String template) {
    List<Object> tokens = tokens(template);
    StringBuilder out = new StringBuilder();
    Deque<boolean[]> conditions = new ArrayDeque<>(); // {active, taken}
    for (Object t : tokens) {
      boolean active = conditions.stream().allMatch(c -> c[0]);
      if (t instanceof String text) {
        if (active) {
          out.append(text);
        }
        continue;
      }
      String action = ((Action) t).expr;
      if (action.startsWith("/*")) {
        continue;
      }
      if (action.startsWith("if ")) {
        boolean value = active && truthy(evaluate(action.substring(3).trim()));
        conditions.push(new boolean[] {value, value});
      } else if (action.equals("else")) {
        boolean[] c = conditions.peek();
        if (c == null) {
          throw new IllegalArgumentException("else without if");
        }
        c[0] = !c[1];
      } else if (action.equals("end")) {
        if (conditions.isEmpty()) {
          throw new IllegalArgumentException("end without if");
        }
        conditions.pop();
      } else if (action.startsWith("define ")) {
        throw new IllegalArgumentException("define belongs in _helpers.tpl");
      } else if (active) {
        out.append(text(evaluate(action)));
      }
    }
    if (!conditions.isEmpty()) {
      throw new IllegalArgumentException("if without end");
    }
    return out.toString();
  }

  private record Action(String expr, boolean trimLeft, boolean trimRight) {}

  private static List<Object> tokens(String template) {
    List<Object> tokens = new ArrayList<>();
    Matcher m = ACTION.matcher(template);
    int last = 0;
    while (m.find()) {
      tokens.add(template.substring(last, m.start()));
      tokens.add(new Action(m.group(2).trim(), !m.group(1).isEmpty(), !m.group(3).isEmpty()));
      last = m.end();
    }
    tokens.add(template.substring(last));
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i) instanceof Action a) {
        if (a.trimLeft && i > 0) {
          tokens.set(i - 1, ((String) tokens.get(i - 1)).stripTrailing());
        }
        if (a.trimRight && i + 1 < tokens.size()) {
          tokens.set(i + 1, ((String) tokens.get(i + 1)).stripLeading());
        }
      }
    }
    return tokens;
  }

  private Object evaluate(String pipeline) {
    List<String> stages = splitPipeline(pipeline);
    Object value = command(words(stages.get(0)), null, false);
    for (int i = 1; i < stages.size(); i++) {
      value = command(words(stages.get(i)), value, true);
    }
    return value;
  }

  private Object command(List<String> w, Object piped, boolean hasPiped) {
    String f = w.get(0);
    List<Object> args = new ArrayList<>();
    for (int i = 1; i < w.size(); i++) {
      args.add(term(w.get(i)));
    }
    if (hasPiped) {
      args.add(piped);
    }
    if (!f.startsWith(".") && !f.startsWith("\"") && !f.matches("-?\\d+")) {
      return function(f, args);
    }
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("not a function: " + f);
    }
    return term(f);
  }

  private Object function(String name, List<Object> a) {
    switch (name) {
      case "quote":
        return "\"" + text(a.get(0)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case "toYaml":
        return toYaml(a.get(0));
      case "nindent":
        return "\n" + indent(Integer.parseInt(text(a.get(0))), text(a.get(1)));
      case "indent":
        return indent(Integer.parseInt(text(a.get(0))), text(a.get(1)));
      case "default":
        return truthy(a.get(1)) ? a.get(1) : a.get(0);
      case "required":
        if (!truthy(a.get(1))) {
          throw new IllegalArgumentException("required: " + a.get(0));
        }
        return a.get(1);
      case "include":
        String body = defines.get(text(a.get(0)));
        if (body == null) {
          throw new IllegalArgumentException("no define " + a.get(0));
        }
        // the helpers use {{- define ... -}} and {{- end }}: both ends are trimmed
        return render(body).strip();
      default:
        throw new IllegalArgumentException(
            "function '" + name + "' is outside the subset HelmLite renders; extend it");
    }
  }

  private Object term(String word) {
    if (word.startsWith("\"")) {
      return word.substring(1, word.length() - 1);
    }
    if (word.matches("-?\\d+")) {
      return word;
    }
    if (word.equals(".") || word.equals("$")) {
      return root;
    }
    if (!word.startsWith(".")) {
      throw new IllegalArgumentException("unsupported term: " + word);
    }
    Object current = root;
    String path = "";
    for (String part : word.substring(1).split("\\.")) {
      path += "." + part;
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        throw new IllegalArgumentException("no value " + path);
      }
      current = map.get(part);
    }
    return current;
  }

  private static boolean truthy(Object v) {
    if (v == null || Boolean.FALSE.equals(v)) {
      return false;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    return true;
  }

  private static String text(Object v) {
    if (v == null) {
      throw new IllegalArgumentException("null value rendered");
    }
    return String.valueOf(v);
  }

  private static String toYaml(Object v) {
    if (v instanceof Collection<?> c && c.isEmpty()) {
      return "[]";
    }
    if (v instanceof Map<?, ?> m && m.isEmpty()) {
      return "{}";
    }
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(0);
    return new Yaml(o).dump(v).stripTrailing();
  }

  private static String indent(int n, String text) {
    String pad = " ".repeat(n);
    return pad + text.replace("\n", "\n" + pad);
  }

  private static List<String> splitPipeline(String s) {
    List<String> parts = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (char c : s.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == '|' && !quoted) {
        parts.add(b.toString().trim());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    parts.add(b.toString().trim());
    return parts;
  }

  private static List<String> words(String s) {
    List<String> w = new ArrayList<>();
    Matcher m = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\S+").matcher(s);
    while (m.find()) {
      w.add(m.group());
    }
    return w;
  }
}
