#!/usr/bin/env bash
# Runs CouncilFlow locally with the demo councils on a real PostgreSQL and a real Keycloak (see README.md).
#   ./run-local.sh                the staff UI in Vaadin's development mode
#   ./run-local.sh --production   the production frontend bundle (as deployed), against the same local services
# Ctrl-C or SIGTERM stops the application, Keycloak and PostgreSQL. Data is kept in .local-data/.
set -euo pipefail
cd "$(dirname "$0")"

APP_PORT=8080
MANAGEMENT_PORT=8081
KEYCLOAK_PORT=8180
POSTGRES_PORT=54329
MAVEN_ARGS=(-B -q -pl app -am spring-boot:test-run -DskipTests)
MODE=development
for arg in "$@"; do
    case "$arg" in
        --production) MAVEN_ARGS+=(-Pproduction); MODE=production ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
    esac
done

# One run per checkout: the lock is held from here until everything has stopped.
mkdir -p .local-data
exec 9>.local-data/run.lock
if ! flock -n 9; then
    echo "./run-local.sh is already starting or running from this checkout: stop it first (Ctrl-C in its terminal)." >&2
    exit 1
fi

# Before anything starts: a port in use means another run (or another program) holds it.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for entry in "$APP_PORT:CouncilFlow" "$MANAGEMENT_PORT:CouncilFlow's management (Actuator)" "$KEYCLOAK_PORT:Keycloak" "$POSTGRES_PORT:PostgreSQL"; do
    port=${entry%%:*} name=${entry#*:}
    if port_taken "$port"; then
        echo "Port $port (for $name) is already in use: is ./run-local.sh already running? Stop it first (Ctrl-C in" \
             "its terminal) or free the port." >&2
        if [ "$port" = "$POSTGRES_PORT" ] && [ -f .local-data/postgres/postmaster.pid ]; then
            echo "A PostgreSQL of an earlier run may have been left behind: kill $(head -1 .local-data/postgres/postmaster.pid)" >&2
        fi
        exit 1
    fi
done

# A warm restart skips Maven when nothing was changed since the last build of this mode: the application writes
# its class path to .local-data/classpath (first line: the mode) each time Maven starts it.
fresh_build() {
    [ -f .local-data/classpath ] && [ -d app/target/test-classes ] && [ "$(head -1 .local-data/classpath)" = "$MODE" ] \
        && [ -z "$(find pom.xml app/pom.xml app/src devservices workflows frontend -newer .local-data/classpath \
                     -type f ! -path '*/target/*' ! -path '*/generated/*' -print -quit 2>/dev/null)" ]
}
export COUNCILFLOW_LOCAL_MODE=$MODE
# The application, Keycloak and Maven run in a process group of their own, so that stopping ends all of them.
if fresh_build; then
    (cd app && exec setsid java -XX:TieredStopAtLevel=1 -cp "$(sed -n 2p ../.local-data/classpath)" \
        org.councilflow.TestCouncilFlowApplication) &
else
    setsid ./mvnw "${MAVEN_ARGS[@]}" &
fi
group=$!

stop() {
    trap - INT TERM HUP
    kill -TERM -- "-$group" 2>/dev/null || true
    for _ in $(seq 1 90); do
        kill -0 -- "-$group" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL -- "-$group" 2>/dev/null || true
    # PostgreSQL detaches from its starter (pg_ctl); the application stops it, unless it could not
    if [ -f .local-data/postgres/postmaster.pid ]; then
        pid=$(head -1 .local-data/postgres/postmaster.pid)
        [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = postgres ] && kill -TERM "$pid" 2>/dev/null && for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    echo "CouncilFlow, Keycloak and PostgreSQL stopped."
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM HUP

status=0
wait "$group" || status=$?
stop >/dev/null
exit "$status"
