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
