{{/* Names and labels. */}}

{{- define "councilflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "councilflow.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "councilflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "councilflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "councilflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "councilflow.labels" -}}
helm.sh/chart: {{ include "councilflow.chart" . }}
{{ include "councilflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: app
app.kubernetes.io/part-of: councilflow
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "councilflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "councilflow.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "councilflow.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* The Secret the application's credentials come from: the user's own, or the chart's. */}}
{{- define "councilflow.secretName" -}}
{{- .Values.existingSecret | default (include "councilflow.fullname" .) }}
{{- end }}

{{/* Pods run when more than one may be counted on: a PodDisruptionBudget of one would block every node drain. */}}
{{- define "councilflow.multiplePods" -}}
{{- if .Values.autoscaling.enabled }}
{{- if gt (int .Values.autoscaling.minReplicas) 1 }}true{{ end }}
{{- else if gt (int .Values.replicaCount) 1 }}true{{ end }}
{{- end }}

{{/* Where e-mailed links point: given, or the Ingress's address; empty keeps the application's default. */}}
{{- define "councilflow.staffUrl" -}}
{{- if .Values.staffUrl }}
{{- .Values.staffUrl }}
{{- else if .Values.ingress.enabled }}
{{- printf "%s://%s" (ternary "https" "http" (not (empty .Values.ingress.tlsSecretName))) .Values.ingress.host }}
{{- end }}
{{- end }}

{{/* The JDBC URL: given, or the bundled PostgreSQL's. */}}
{{- define "councilflow.databaseUrl" -}}
{{- if .Values.database.url }}
{{- .Values.database.url }}
{{- else if .Values.postgresql.enabled }}
{{- printf "jdbc:postgresql://%s-postgresql:5432/%s" .Release.Name .Values.postgresql.auth.database }}
{{- else }}
{{- required "database.url is required (jdbc:postgresql://host:5432/db of your managed PostgreSQL), or set postgresql.enabled=true to try the bundled one" .Values.database.url }}
{{- end }}
{{- end }}

{{- define "councilflow.databaseUsername" -}}
{{- if and .Values.postgresql.enabled (not .Values.database.url) }}
{{- .Values.postgresql.auth.username }}
{{- else }}
{{- .Values.database.username }}
{{- end }}
{{- end }}

{{- define "councilflow.databasePassword" -}}
{{- if and .Values.postgresql.enabled (not .Values.database.url) }}
{{- include "postgresql.password" (dict "values" .Values.postgresql "key" "password") }}
{{- else }}
{{- required "database.password is required, or name your own Secret in existingSecret" .Values.database.password }}
{{- end }}
{{- end }}

{{/* The schema's owner role (Flyway's), separate from the pool's role (docs/adr/0007). */}}
{{- define "councilflow.databaseOwnerUsername" -}}
{{- if and .Values.postgresql.enabled (not .Values.database.url) }}
{{- .Values.postgresql.auth.ownerUsername }}
{{- else }}
{{- .Values.database.ownerUsername }}
{{- end }}
{{- end }}

{{- define "councilflow.databaseOwnerPassword" -}}
{{- if and .Values.postgresql.enabled (not .Values.database.url) }}
{{- include "postgresql.password" (dict "values" .Values.postgresql "key" "ownerPassword") }}
{{- else }}
{{- required "database.ownerPassword is required, or name your own Secret in existingSecret" .Values.database.ownerPassword }}
{{- end }}
{{- end }}

{{/* The realm's issuer: given, or the bundled Keycloak's. */}}
{{- define "councilflow.issuerUri" -}}
{{- if .Values.identity.issuerUri }}
{{- .Values.identity.issuerUri }}
{{- else if .Values.keycloak.enabled }}
{{- $keycloak := .Values.keycloak.hostname | default (printf "http://%s-keycloak:8180" .Release.Name) | trimSuffix "/" }}
{{- printf "%s/realms/%s" $keycloak .Values.keycloak.realmName }}
{{- else }}
{{- required "identity.issuerUri is required (https://your-keycloak/realms/councilflow), or set keycloak.enabled=true to try the bundled one" .Values.identity.issuerUri }}
{{- end }}
{{- end }}

{{- define "councilflow.uiClientSecret" -}}
{{- if and .Values.keycloak.enabled (not .Values.identity.uiClientSecret) }}
{{- include "keycloak.secret" (dict "values" .Values.keycloak "key" "clientSecrets.ui") }}
{{- else }}
{{- required "identity.uiClientSecret is required, or name your own Secret in existingSecret" .Values.identity.uiClientSecret }}
{{- end }}
{{- end }}

{{- define "councilflow.adminClientSecret" -}}
{{- if and .Values.keycloak.enabled (not .Values.identity.adminClientSecret) }}
{{- include "keycloak.secret" (dict "values" .Values.keycloak "key" "clientSecrets.admin") }}
{{- else }}
{{- required "identity.adminClientSecret is required, or name your own Secret in existingSecret" .Values.identity.adminClientSecret }}
{{- end }}
{{- end }}
