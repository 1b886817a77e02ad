#!/bin/sh
# Installs everything modforge needs to build, run and test on Debian 12, as root.
# Idempotent and quick when nothing is missing: it only calls apt when a package is absent.
set -eu

# Debian 12 packages, by purpose.
PACKAGES="
  build-essential g++ make autoconf pkg-config
  clang-14 libclang-rt-14-dev
  odb libodb-dev libodb-pgsql-dev
  libfcgi-dev rapidjson-dev libcppunit-dev libcrypt-dev libssl-dev libpq-dev
  libpng-dev libzip-dev libpwquality-dev cracklib-runtime libcurl4-openssl-dev
  postgresql postgresql-client
  nginx-light spawn-fcgi multiwatch
  curl python3 zip unzip
  default-jdk-headless libgradle-core-java
  python3-yaml python3-jsonschema python3-aiosmtpd
  chromium
  debhelper dpkg-dev fakeroot lintian
  wrk
  patroni etcd-server gdb
"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
        missing="$missing $p"
done
# Node.js runs the browser tests (tests/browser). Any node will do (a machine may have one from
# elsewhere, with its own npm), so Debian's is installed only when there is none.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"

# The npm packages of the tests, at the versions their package-lock.json pins: playwright-core
# for the browser tests (never a browser download: they use Debian's chromium), @redocly/cli to
# lint docs/openapi.yaml. Quick when node_modules is already there.
npm_modules() {
    dir="$(dirname "$0")/../tests/$1"
    [ -d "$dir/node_modules/$2" ] && return 0
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}
test_modules() {
    npm_modules browser playwright-core
    npm_modules openapi @redocly/cli
}
# promtool, Prometheus' own checker of a metrics page and of alert rules (tests/e2e/test_metrics.py
# runs it on GET /metrics and on the rules in docs/operations.md). Debian ships it only inside the
# prometheus package, whose installation would also start a Prometheus server on this machine:
# the one program is taken out of that package (apt-get download, dpkg-deb) instead.
PROMTOOL=/usr/local/lib/modforge/promtool
promtool_tool() {
    [ -x "$PROMTOOL" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "setup: $PROMTOOL is missing; run 'sudo $0' (or make setup as root)" >&2
        return 1
    fi
    d=$(mktemp -d)
    chmod 0755 "$d"
    (cd "$d" && { apt-get download -qq prometheus 2>/dev/null ||
                  { apt-get update -qq && apt-get download -qq prometheus; }; }) &&
        dpkg-deb --fsys-tarfile "$d"/prometheus_*.deb | tar -x -C "$d" ./usr/bin/promtool &&
        install -D -m 0755 "$d/usr/bin/promtool" "$PROMTOOL"
    rc=$?
    rm -rf "$d"
    return $rc
}

if [ -z "$missing" ]; then
    test_modules
    promtool_tool
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "setup: missing packages:$missing; run 'sudo $0' (or make setup as root)" >&2
    exit 1
fi

# The ODB runtime (libodb-dev, libodb-pgsql-dev) is not in Debian 12; Debian 11 has 2.4.0 and it
# installs cleanly. Add bullseye from the same mirror this machine already uses, and pin it so
# that nothing but libodb* can ever come from there.
mirror=""
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    mirror=$(awk '/^URIs:/ {u=$2} /^Suites:/ && $0 ~ /bookworm( |$)/ {print u; exit}' \
        /etc/apt/sources.list.d/debian.sources)
fi
if [ -z "$mirror" ]; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" && $0 !~ /security/ && $0 ~ / bookworm / {
                 for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) {print $i; exit} }')
fi
[ -n "$mirror" ] || { echo "setup: cannot find the Debian mirror in the apt sources" >&2; exit 1; }

cat > /etc/apt/sources.list.d/modforge-bullseye.sources <<SRC
# Added by modforge's scripts/setup.sh: Debian 11 only for the ODB runtime (see the pin).
Types: deb
URIs: $mirror
Suites: bullseye
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
cat > /etc/apt/preferences.d/modforge-bullseye <<'PIN'
# Added by modforge's scripts/setup.sh: from bullseye, only the ODB runtime libraries.
Package: libodb*
Pin: release n=bullseye
Pin-Priority: 500

Package: *
Pin: release n=bullseye
Pin-Priority: -1
PIN

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
test_modules
promtool_tool
