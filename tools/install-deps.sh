#!/bin/sh
# Installs the Debian packages annals needs to build, test and fuzz, when
# any is missing. Safe to run again: it does nothing when all are there.
# annals serve needs libmicrohttpd-dev; its tests curl, jq, chromium and
# node with npm (the npm packages themselves come with 'make web'); its
# bench wrk.
set -eu
PKGS="make gcc pkg-config libgumbo-dev libutf8proc-dev parallel \
python3 clang libclang-rt-14-dev \
libsqlite3-dev libpq-dev postgresql postgresql-client libxml2-utils \
libmicrohttpd-dev curl jq chromium wrk"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
# node and npm from any source (a nodejs package that bundles npm conflicts
# with Debian's npm package)
command -v node > /dev/null || missing="$missing nodejs"
command -v npm > /dev/null || missing="$missing npm"
[ -z "$missing" ] && exit 0
echo "annals: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $missing >/dev/null
