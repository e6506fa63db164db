{{/* Labels on every object of the chart. */}}
{{- define "knooppunt.labels" -}}
app.kubernetes.io/part-of: knooppunt
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}
