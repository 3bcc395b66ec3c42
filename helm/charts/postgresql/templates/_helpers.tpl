{{/* The parent chart derives the database URL from this name: keep them in step. */}}
{{- define "postgresql.fullname" -}}
{{- printf "%s-postgresql" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "postgresql.selectorLabels" -}}
app.kubernetes.io/name: postgresql
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "postgresql.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{ include "postgresql.selectorLabels" . }}
app.kubernetes.io/component: database
app.kubernetes.io/part-of: councilflow
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
A password of the bundled PostgreSQL: the value given, or with demo: true the known demo value. Without demo the
demo values are refused, and an empty one too: nothing with a known password reaches a cluster by accident.
Called by the parent chart too, with (dict "values" .Values.postgresql "key" "...").
*/}}
{{- define "postgresql.password" -}}
{{- $demo := dict "postgresPassword" "postgres" "password" "councilflow" "ownerPassword" "councilflow_owner" -}}
{{- $value := index .values.auth .key | default "" -}}
{{- $demoValue := index $demo .key -}}
{{- if .values.demo -}}
{{- $value | default $demoValue -}}
{{- else if not $value -}}
{{- fail (printf "postgresql.auth.%s is required (or set postgresql.demo=true to try the chart out with known passwords)" .key) -}}
{{- else if eq $value $demoValue -}}
{{- fail (printf "postgresql.auth.%s is the demo value %q: choose your own, or set postgresql.demo=true to try the chart out" .key $demoValue) -}}
{{- else -}}
{{- $value -}}
{{- end -}}
{{- end }}
