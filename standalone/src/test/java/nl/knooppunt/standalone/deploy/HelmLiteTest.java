package nl.knooppunt.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template subset that DeploymentFilesTest renders behaves as Helm does. */
class HelmLiteTest {

  final HelmLite helm =
      new HelmLite(
          Map.of(
              "a", Map.of("b", "x y", "on", true, "off", false, "n", 2),
              "res", Map.of("cpu", "1"),
              "empty", List.of()),
          Map.of("name", "knooppunt", "version", "0.1.0", "appVersion", "0.1.0"),
          "rel");

  @Test
  void valuesQuotesAndReleaseFields() {
    assertThat(helm.render("k: {{ .Values.a.b | quote }} r={{ .Release.Name }}-{{ .Chart.Name }}"))
        .isEqualTo("k: \"x y\" r=rel-knooppunt");
  }

  @Test
  void trimmingConditionalsAndToYaml() {
    String t =
        "spec:\n  res:\n    {{- toYaml .Values.res | nindent 4 }}\n{{- if .Values.a.off }}\nno: 1\n"
            + "{{- else }}\nyes: {{ .Values.a.n }}\n{{- end }}\nl: {{ toYaml .Values.empty }}\n";
    assertThat(helm.render(t)).isEqualTo("spec:\n  res:\n    cpu: '1'\nyes: 2\nl: []\n");
  }

  @Test
  void includesADefinedHelper() {
    helm.helpers("{{- define \"x.labels\" -}}\na: {{ .Release.Name }}\nb: c\n{{- end }}");
    assertThat(helm.render("m:\n  {{- include \"x.labels\" . | nindent 2 }}\n"))
        .isEqualTo("m:\n  a: rel\n  b: c\n");
  }

  @Test
  void failsOnAMissingValueAnUnknownFunctionOrAnEmptyRequiredValue() {
    assertThatThrownBy(() -> helm.render("{{ .Values.a.typo }}"))
        .hasMessageContaining("no value .Values.a.typo");
    assertThatThrownBy(() -> helm.render("{{ .Values.a.b | upper }}"))
        .hasMessageContaining("'upper'");
    assertThatThrownBy(() -> helm.render("{{ required \"tag!\" .Values.a.off }}"))
        .hasMessageContaining("tag!");
    assertThatThrownBy(() -> helm.render("{{ if .Values.a.on }}x")).hasMessageContaining("end");
  }
}
