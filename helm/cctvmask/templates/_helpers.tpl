{{/* Chart name, overridable. */}}
{{- define "cctvmask.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-qualified name (63 characters at most: a DNS label). */}}
{{- define "cctvmask.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "cctvmask.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cctvmask.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cctvmask.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "cctvmask.labels" -}}
helm.sh/chart: {{ include "cctvmask.chart" . }}
{{ include "cctvmask.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "cctvmask.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "cctvmask.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "cctvmask.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Orleans ServiceId / ClusterId: also pod label values, hence the label-safe truncation. */}}
{{- define "cctvmask.serviceId" -}}
{{- default (include "cctvmask.fullname" .) .Values.orleans.serviceId | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cctvmask.clusterId" -}}
{{- default (include "cctvmask.fullname" .) .Values.orleans.clusterId | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The chart's own Secret (keys and connection strings given as values). */}}
{{- define "cctvmask.secretName" -}}
{{- include "cctvmask.fullname" . -}}
{{- end -}}

{{- define "cctvmask.authSecretName" -}}
{{- default (include "cctvmask.secretName" .) .Values.auth.existingSecret -}}
{{- end -}}

{{/* Where the PostgreSQL connection string comes from; fails rendering when neither is set. */}}
{{- define "cctvmask.databaseSecretName" -}}
{{- if .Values.database.existingSecret -}}
{{- .Values.database.existingSecret -}}
{{- else -}}
{{- $_ := required "database.connectionString or database.existingSecret is required: CctvMask runs on an external PostgreSQL (e.g. --set database.connectionString='Host=pg;Username=cctvmask;Password=...;Database=cctvmask')" .Values.database.connectionString -}}
{{- include "cctvmask.secretName" . -}}
{{- end -}}
{{- end -}}

{{- define "cctvmask.databaseSecretKey" -}}
{{- if .Values.database.existingSecret -}}{{ .Values.database.existingSecretKey }}{{- else -}}postgres-connection-string{{- end -}}
{{- end -}}

{{/* Where the Redis connection string comes from; fails rendering when neither is set. */}}
{{- define "cctvmask.redisSecretName" -}}
{{- if .Values.redis.existingSecret -}}
{{- .Values.redis.existingSecret -}}
{{- else -}}
{{- $_ := required "redis.connectionString or redis.existingSecret is required: Orleans clustering runs on an external Redis (e.g. --set redis.connectionString='redis-master:6379,password=...')" .Values.redis.connectionString -}}
{{- include "cctvmask.secretName" . -}}
{{- end -}}
{{- end -}}

{{- define "cctvmask.redisSecretKey" -}}
{{- if .Values.redis.existingSecret -}}{{ .Values.redis.existingSecretKey }}{{- else -}}redis-connection-string{{- end -}}
{{- end -}}

{{/* Pod and container security contexts, shared by the server and the model init container. */}}
{{- define "cctvmask.containerSecurityContext" -}}
{{- toYaml .Values.securityContext -}}
{{- end -}}
