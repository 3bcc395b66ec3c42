{{- define "keycloak.fullname" -}}
{{- printf "%s-keycloak" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "keycloak.selectorLabels" -}}
app.kubernetes.io/name: keycloak
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "keycloak.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{ include "keycloak.selectorLabels" . }}
app.kubernetes.io/component: identity
app.kubernetes.io/part-of: councilflow
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The parent chart derives the issuer the same way: keep them in step. */}}
{{- define "keycloak.hostname" -}}
{{- .Values.hostname | default (printf "http://%s:8180" (include "keycloak.fullname" .)) | trimSuffix "/" }}
{{- end }}

{{- define "keycloak.realmConfigMap" -}}
{{- .Values.realmConfigMap | default (printf "%s-realm" (include "keycloak.fullname" .)) }}
{{- end }}

{{/*
A secret of the bundled Keycloak: the value given, or with demo: true the demo realm's fixed value. Without demo the
demo values are refused, and an empty one too: nothing with a known password reaches a cluster by accident.
Called by the parent chart too, with (dict "values" .Values.keycloak "key" "...").
*/}}
{{- define "keycloak.secret" -}}
{{- $demo := dict "admin.password" "admin" "clientSecrets.ui" "councilflow-ui-secret" "clientSecrets.admin" "councilflow-admin-secret" -}}
{{- $parts := splitList "." .key -}}
{{- $value := index .values (first $parts) (last $parts) | default "" -}}
{{- $demoValue := index $demo .key -}}
{{- if .values.demo -}}
{{- $value | default $demoValue -}}
{{- else if not $value -}}
{{- fail (printf "keycloak.%s is required (or set keycloak.demo=true to try the chart out with the demo realm's values)" .key) -}}
{{- else if eq $value $demoValue -}}
{{- fail (printf "keycloak.%s is the demo value %q: choose your own, or set keycloak.demo=true to try the chart out" .key $demoValue) -}}
{{- else -}}
{{- $value -}}
{{- end -}}
{{- end }}
