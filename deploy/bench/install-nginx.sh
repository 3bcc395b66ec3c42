#!/bin/sh
# Installs Debian's nginx and wrk for the public-pages benchmark (PublicPagesBenchmark): it starts its own nginx on a
# loopback port with a configuration of its own as the static-file baseline, and drives every server with wrk (a C
# load generator on epoll, lighter on the shared cores than a Java one). Only the nginx binary is wanted: a system
# nginx that the package's install script may have started on port 80 is stopped again.
set -eu
missing=""
[ -x /usr/sbin/nginx ] || missing="$missing nginx"
[ -x /usr/bin/wrk ] || missing="$missing wrk"
if [ -z "$missing" ]; then
    echo "already installed: $(/usr/sbin/nginx -v 2>&1), $(/usr/bin/wrk -v 2>&1 | head -1)"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
if [ -s /run/nginx.pid ]; then
    $SUDO /usr/sbin/nginx -s stop || true
fi
echo "installed: $(/usr/sbin/nginx -v 2>&1), $(/usr/bin/wrk -v 2>&1 | head -1)"
