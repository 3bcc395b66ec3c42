#!/bin/sh
# Installs Debian's nginx for the public-pages benchmark (PublicPagesBenchmark), which starts its own nginx on a
# loopback port with a configuration of its own as the static-file baseline. Only the binary is wanted: a
# system nginx that the package's install script may have started on port 80 is stopped again.
set -eu
if [ -x /usr/sbin/nginx ]; then
    echo "nginx already installed: $(/usr/sbin/nginx -v 2>&1)"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx
if [ -s /run/nginx.pid ]; then
    $SUDO /usr/sbin/nginx -s stop || true
fi
echo "installed $(/usr/sbin/nginx -v 2>&1)"
