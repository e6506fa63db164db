package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One style for test names in every module: a test method is a sentence in lowerCamelCase that says
 * what holds ({@code aSilentRegionGetsTheDutyOfficerACallTask}), never snake_case. The conformance
 * suite adds a {@code @DisplayName} with the Camunda doc page it follows; the method name follows
 * the same rule. This reads the test sources of every module (src/test/java and src/bench/java), so
 * it needs no module on its classpath.
 */
class TestNamingTest {

  /** A JUnit 5 test annotation, then its arguments, further annotations, modifiers and type. */
  private static final Pattern TEST_METHOD =
      Pattern.compile(
          "@(?:org\\.junit\\.jupiter\\.api\\.|org\\.junit\\.jupiter\\.params\\.)?"
              + "(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b"
              + "(?:\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))?"
              + "(?:\\s*@[\\w.]+(?:\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))?)*"
              + "\\s*(?:(?:public|protected|private|static|final|synchronized|abstract)\\s+)*"
              + "(?:<[^>]*>\\s*)?[\\w.<>,?\\[\\]\\s]*?\\b(\\w+)\\s*\\(");

  private static Path root;

  @BeforeAll
  static void findTheRepository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isDirectory(dir.resolve("processes"))
            && Files.isRegularFile(dir.resolve("mvnw")))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root").isNotNull();
    root = dir;
  }

  @Test
  void noTestMethodNameContainsAnUnderscore() throws IOException {
    List<String> methods = new ArrayList<>();
    List<String> snakeCase = new ArrayList<>();
    for (Path source : testSources()) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      for (TestMethod m : testMethods(text)) {
        methods.add(m.name());
        if (m.name().contains("_")) {
          snakeCase.add(root.relativize(source) + ":" + m.line() + " " + m.name());
        }
      }
    }
    assertThat(methods).as("test methods found in the repository").hasSizeGreaterThan(500);
    assertThat(snakeCase)
        .as("test methods are lowerCamelCase sentences (README, Tests), not snake_case")
        .isEmpty();
  }

  @Test
  void theScannerFindsTestMethodsBehindAnnotationsModifiersAndStrings() {
    String source =
        """
        class Sample {
          @Test
          void a_plain_test() {}

          @ParameterizedTest(name = "{0} (with parentheses)")
          @MethodSource("cases")
          @Timeout(value = 5, unit = SECONDS)
          public void a_parameterized_one(String s) {}

          @TestFactory
          Stream<DynamicTest> a_factory() { return Stream.of(); }

          // @Test void commented_out() {}
          String text = "@Test void in_a_string() {}";

          void not_a_test() {}

          @Test
          void camelCaseIsFine() {}
        }
        """;
    assertThat(testMethods(source))
        .extracting(TestMethod::name)
        .containsExactly("a_plain_test", "a_parameterized_one", "a_factory", "camelCaseIsFine");
  }

  record TestMethod(String name, int line) {}

  static List<TestMethod> testMethods(String source) {
    String code = withoutCommentsAndStrings(source);
    List<TestMethod> out = new ArrayList<>();
    Matcher m = TEST_METHOD.matcher(code);
    while (m.find()) {
      int line = (int) code.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
      out.add(new TestMethod(m.group(1), line));
    }
    return out;
  }

  /** The source with comments and the contents of string and char literals blanked. */
  static String withoutCommentsAndStrings(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int end;
      if (s.startsWith("//", i)) {
        end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
      } else if (s.startsWith("/*", i)) {
        end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end + 3;
      } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
        char quote = s.charAt(i);
        end = i + 1;
        while (end < s.length() && s.charAt(end) != quote) {
          end += s.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, s.length());
      } else {
        out.append(s.charAt(i++));
        continue;
      }
      for (int k = i; k < end; k++) {
        out.append(s.charAt(k) == '\n' ? '\n' : ' ');
      }
      i = end;
    }
    return out.toString();
  }

  /** src/test/java and src/bench/java of every module. */
  private static List<Path> testSources() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.sorted().toList()) {
        for (String folder : List.of("src/test/java", "src/bench/java")) {
          Path sources = module.resolve(folder);
          if (Files.isDirectory(sources)) {
            try (Stream<Path> files = Files.walk(sources)) {
              files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
          }
        }
      }
    }
    return out;
  }
}
