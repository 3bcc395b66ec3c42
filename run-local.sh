#!/usr/bin/env bash
# Runs CouncilFlow locally with demo councils on a real PostgreSQL and a real Keycloak (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
exec ./mvnw -B -q -pl app -am spring-boot:test-run "$@"
