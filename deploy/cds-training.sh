#!/bin/sh
# Writes the class data sharing archive of the image (ADR 0022): one start of the application from its extracted jar
# with -XX:ArchiveClassesAtExit. No server is reachable while an image is built, so the start loads Spring Boot, the
# configuration, Tomcat and Vaadin's servlet set-up, stops at its first database connection, and the JVM archives
# every class it loaded as it exits. Later starts map those classes instead of loading, verifying and linking them.
# The start-up benchmark (docs/benchmarks.md, section 5) runs this same script.
#   deploy/cds-training.sh <application jar> <archive to write>      (JAVA=… picks the java binary)
set -u
jar=$1
archive=$2
rm -f "$archive"
# every setting the configuration requires, pointing nowhere: port 9 (discard) refuses the connection at once
env -u JAVA_TOOL_OPTIONS \
    COUNCILFLOW_DB_URL=jdbc:postgresql://127.0.0.1:9/cds-training COUNCILFLOW_DB_PASSWORD=cds-training \
    COUNCILFLOW_DB_OWNER_USER=cds-training COUNCILFLOW_DB_OWNER_PASSWORD=cds-training \
    COUNCILFLOW_UI_CLIENT_SECRET=cds-training COUNCILFLOW_ADMIN_CLIENT_SECRET=cds-training \
    COUNCILFLOW_ISSUER_URI=http://127.0.0.1:9/realms/cds-training \
    "${JAVA:-java}" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >"${CDS_TRAINING_LOG:-/dev/null}" 2>&1
if [ ! -s "$archive" ]; then
    echo "cds-training: no archive was written to $archive" >&2
    exit 1
fi
