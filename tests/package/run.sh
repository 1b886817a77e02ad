#!/bin/bash
# The Debian package, end to end: builds it (dpkg-buildpackage -b) from a copy of this tree,
# installs it with apt, checks what it made, runs the services exactly as their installed units
# say (no systemd here) behind the installed nginx site and a private PostgreSQL, drives
# register -> login -> generate -> download through it, and a password reset whose mail the
# installed worker delivers to an SMTP sink (tests/kit/mail_sink.py) started here, removes and
# purges it, and checks that nothing of it is left but the database. Run as root on a machine without modforge installed
# (CI: .ci/run). Each check prints "ok   ..." or "FAIL ..."; the last line is
# "N passed, N failed" and the exit status is non-zero on any failure. On any exit it stops what
# it started (by pid), purges the package if it installed it, and removes its temporary files.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)

passed=0
failed=0
summary_printed=""
started_at=$SECONDS

ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
# check WHAT COMMAND...: ok if the command succeeds (its output is not shown).
check() {
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi
}
# check_equal WHAT EXPECTED ACTUAL
check_equal() {
    if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 (expected '$2', got '$3')"; fi
}
# show FILE: the tail of a log, indented, after a failure.
show() { [ -f "$1" ] && tail -n 25 "$1" | sed 's/^/     | /'; }

tmp=""                 # everything of ours: the tree copy, the .deb, PostgreSQL, nginx, logs
installed_by_us=""     # the package is on the system because of us: purge it on exit
runtime_dirs=()        # /run/<RuntimeDirectory> made for the units
site_link=""           # the sites-enabled link made to test that purge removes it
pids=()                # processes we started, each the leader of its own session
pg_data=""             # the running private cluster's data directory
user_by_us=""          # the package made the user modforge, which purge keeps: remove it on exit

# stop_pid PID SIGNAL: signal one of our processes, wait up to 15 s, then SIGKILL its process
# group (handlers, nginx workers). Returns 1 if it needed the SIGKILL.
stop_pid() {
    local pid=$1 sig=$2 i
    kill -0 "$pid" 2>/dev/null || { kill -KILL -- "-$pid" 2>/dev/null; return 0; }
    kill "-$sig" "$pid" 2>/dev/null
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    # Reap it if it is our child, so that kill -0 stops seeing a zombie.
    wait "$pid" 2>/dev/null
    for ((i = 0; i < 20; i++)); do
        kill -0 -- "-$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null
    return 1
}

cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        stop_pid "$pid" TERM
    done
    pids=()
    if [ -n "$pg_data" ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1
        pg_data=""
    fi
    if [ -n "$site_link" ] && [ -L "$site_link" ]; then
        rm -f "$site_link"
    fi
    site_link=""
    if [ -n "$installed_by_us" ] && package_present; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -q modforge >/dev/null 2>&1 </dev/null
    fi
    installed_by_us=""
    if [ -n "$user_by_us" ]; then
        getent passwd modforge >/dev/null && deluser --system --quiet modforge >/dev/null 2>&1
        getent group modforge >/dev/null && delgroup --system --quiet modforge >/dev/null 2>&1
        rm -rf /run/modforge-metrics
    fi
    user_by_us=""
    for d in "${runtime_dirs[@]}"; do
        rm -rf "$d"
    done
    runtime_dirs=()
    if [ -n "$tmp" ]; then
        rm -rf "$tmp"
    fi
    tmp=""
}

finish() {
    cleanup
    echo "tests/package: $((SECONDS - started_at)) s"
    echo "$passed passed, $failed failed"
    summary_printed=1
    [ "$failed" -eq 0 ]
    exit
}

# shellcheck disable=SC2317  # called by the EXIT trap
on_exit() {
    local rc=$?
    [ -n "$summary_printed" ] && exit "$rc"
    cleanup
    echo "tests/package: interrupted (status $rc): counting 1 failure"
    echo "$passed passed, $((failed + 1)) failed"
    exit 1
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# package_present: dpkg knows modforge in any state but "not installed".
package_present() {
    local s
    s=$(dpkg-query -W -f='${db:Status-Status}' modforge 2>/dev/null)
    [ -n "$s" ] && [ "$s" != not-installed ]
}

# unit_value UNIT KEY: KEY's value in UNIT's [Service] section (the last one; continuation lines
# joined), as systemd would read it for the keys used here.
unit_value() {
    awk -v key="$2" '
        /^[ \t]*[#;]/ { next }
        /^\[/ { section = $0; next }
        section == "[Service]" {
            line = $0
            while (line ~ /\\$/ && (getline more) > 0) { sub(/\\$/, "", line); line = line " " more }
            if (index(line, key "=") == 1) value = substr(line, length(key) + 2)
        }
        END { print value }' "$1"
}

# start_unit NAME: starts /lib/systemd/system/NAME.service the way systemd would, as far as its
# unit says: RuntimeDirectory (made by us, as systemd does), User/Group, UMask, NoNewPrivileges,
# CapabilityBoundingSet, a clean environment, and exactly its ExecStart. Sets unit_pid.
start_unit() {
    local name=$1 unit=/lib/systemd/system/$1.service
    local exec user group umask_ nnp caps rt rt_mode d
    local -a argv wrapper
    exec=$(unit_value "$unit" ExecStart)
    user=$(unit_value "$unit" User)
    group=$(unit_value "$unit" Group)
    umask_=$(unit_value "$unit" UMask)
    nnp=$(unit_value "$unit" NoNewPrivileges)
    caps=$(unit_value "$unit" CapabilityBoundingSet)
    rt=$(unit_value "$unit" RuntimeDirectory)
    rt_mode=$(unit_value "$unit" RuntimeDirectoryMode)
    for d in $rt; do
        install -d -m "${rt_mode:-0755}" -o "${user:-root}" -g "${group:-${user:-root}}" "/run/$d"
        runtime_dirs+=("/run/$d")
    done
    read -r -a argv <<<"$exec"
    argv[0]=${argv[0]#[-@:+!]}
    wrapper=(setpriv)
    if [ -n "$user" ]; then
        wrapper+=(--reuid "$user" --regid "${group:-$user}" --init-groups)
    fi
    case "$nnp" in yes | true | on | 1) wrapper+=(--no-new-privs) ;; esac
    if [ -n "$caps" ]; then
        local set="-all" c
        for c in $caps; do
            c=${c#CAP_}
            set="$set,+${c,,}"
        done
        wrapper+=(--bounding-set "$set")
    fi
    (
        cd / || exit 1
        [ -n "$umask_" ] && umask "$umask_"
        exec setsid env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            LANG=C.UTF-8 "${wrapper[@]}" "${argv[@]}"
    ) </dev/null >>"$tmp/logs/$name.log" 2>&1 &
    unit_pid=$!
    pids+=("$unit_pid")
    echo "     $name: pid $unit_pid: ${wrapper[*]} $exec"
}

# http METHOD PATH [BODY] [TOKEN]: sets status, and the body in $tmp/body, headers in $tmp/headers.
http() {
    local -a args=(-s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$1" --max-time 30)
    [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
    [ -n "${4:-}" ] && args+=(-H "Authorization: Bearer $4")
    status=$(curl "${args[@]}" "$base$2")
}
# json EXPRESSION: evaluates a Python expression over the last body, bound as j.
json() {
    python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
        "$tmp/body" "$1" 2>/dev/null
}
header() { grep -i "^$1:" "$tmp/headers" | head -n 1 | cut -d: -f2- | tr -d ' \r'; }

# ---- preconditions ------------------------------------------------------------------------
if [ "$(id -u)" != 0 ]; then
    fail "tests/package must run as root (it installs and purges the package)"
    finish
fi
for what in "package modforge" "user modforge" /etc/modforge /var/lib/modforge /run/modforge \
    /run/modforge-metrics; do
    case "$what" in
    "package modforge") package_present && present=1 || present="" ;;
    "user modforge") getent passwd modforge >/dev/null && present=1 || present="" ;;
    *) [ -e "$what" ] && present=1 || present="" ;;
    esac
    if [ -n "$present" ]; then
        fail "$what already exists: this test would purge it (remove modforge from this machine first)"
        finish
    fi
done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
tmp=$(mktemp -d /tmp/modforge-package.XXXXXX)
# postgres, www-data and apt's _apt user all need to reach in.
chmod 0755 "$tmp"
mkdir "$tmp/logs" "$tmp/src"

# ---- build --------------------------------------------------------------------------------
# A copy of the working tree without build output: what CI's clean clone has (plus local edits).
tar -C "$repo" --exclude=./.git --exclude=./build --exclude=./config.mak \
    --exclude=./debian/build --exclude=./debian/modforge --exclude=./debian/.debhelper \
    --exclude=./debian/files --exclude='./debian/*.substvars' \
    --exclude=./debian/debhelper-build-stamp -cf - . | tar -C "$tmp/src" -xf -
version=$(cd "$tmp/src" && dpkg-parsechangelog -S Version)
deb="$tmp/modforge_${version}_$(dpkg --print-architecture).deb"
t0=$SECONDS
if (cd "$tmp/src" && dpkg-buildpackage -b -us -uc -j"$(nproc)") >"$tmp/logs/build.log" 2>&1 &&
    [ -f "$deb" ]; then
    ok "dpkg-buildpackage -b -us -uc builds $(basename "$deb") ($(stat -c %s "$deb") bytes, $((SECONDS - t0)) s)"
else
    fail "dpkg-buildpackage -b -us -uc (log: tests/package build.log)"
    show "$tmp/logs/build.log"
    finish
fi
if lintian --fail-on error "$tmp"/modforge_"${version}"_*.changes >"$tmp/logs/lintian.log" 2>&1; then
    ok "lintian reports no errors ($(grep -c '^W: ' "$tmp/logs/lintian.log") warnings)"
else
    fail "lintian reports errors"
fi
grep -E '^[EW]: ' "$tmp/logs/lintian.log" | sed 's/^/     | /'

# ---- install ------------------------------------------------------------------------------
installed_by_us=1
user_by_us=1
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" </dev/null >"$tmp/logs/install.log" 2>&1; then
    ok "apt-get install ./$(basename "$deb")"
else
    fail "apt-get install ./$(basename "$deb")"
    show "$tmp/logs/install.log"
    finish
fi
check "postinst explains how to migrate when the database is not configured yet" \
    grep -q 'runuser -u modforge -- modforge-admin migrate' "$tmp/logs/install.log"

IFS=: read -r _ _ uid _ _ home shell <<<"$(getent passwd modforge)"
if [ -n "$uid" ] && [ "$uid" -lt 1000 ] && [ "$home" = /var/lib/modforge ] &&
    [ "$shell" = /usr/sbin/nologin ]; then
    ok "system user modforge (uid $uid, home $home, shell $shell)"
else
    fail "system user modforge (uid '$uid', home '$home', shell '$shell')"
fi
check "group modforge" getent group modforge
conf=/etc/modforge/modforge.conf
check_equal "$conf is 0640 root:modforge" "640 root:modforge" "$(stat -c '%a %U:%G' "$conf" 2>&1)"
check "$conf is a conffile" grep -q " $conf " <<<"$(dpkg-query -W -f='${Conffiles}\n' modforge)"
check "$conf reads the password from /etc/modforge/database-password" \
    grep -q '^password_file = /etc/modforge/database-password$' "$conf"
check "postinst does not create /etc/modforge/database-password" \
    test ! -e /etc/modforge/database-password
check_equal "/var/lib/modforge is 0750 modforge:www-data" "750 modforge:www-data" \
    "$(stat -c '%a %U:%G' /var/lib/modforge 2>&1)"
check_equal "/var/lib/modforge/files is 2750 modforge:www-data" "2750 modforge:www-data" \
    "$(stat -c '%a %U:%G' /var/lib/modforge/files 2>&1)"
for p in modforge-fcgi modforge-worker modforge-admin; do
    check "/usr/bin/$p" test -x "/usr/bin/$p"
done
for m in $(cat "$repo/debian/modforge.manpages"); do
    page=$(basename "$m")
    check "man page $page in /usr/share/man" \
        test -f "/usr/share/man/man${page##*.}/$page.gz"
done
for u in modforge-fcgi modforge-worker; do
    check "$u.service is enabled (deb-systemd-helper)" \
        test -L "/etc/systemd/system/multi-user.target.wants/$u.service"
done
for u in modforge-fcgi.service modforge-worker.service modforge-worker@.service \
    modforge-sweep.service modforge-sweep.timer; do
    check "/lib/systemd/system/$u passes systemd-analyze verify" \
        systemd-analyze verify "/lib/systemd/system/${u/@./@1.}"
done
check "modforge-sweep.timer is enabled (deb-systemd-helper)" \
    test -L /etc/systemd/system/timers.target.wants/modforge-sweep.timer
check "the worker template is not enabled" \
    test -z "$(find /etc/systemd/system -name 'modforge-worker@*')"
units=/lib/systemd/system
check_equal "modforge-fcgi.service reloads by passing multiwatch USR2" '/bin/kill -USR2 $MAINPID' \
    "$(unit_value $units/modforge-fcgi.service ExecReload)"
check_equal "modforge-worker@.service runs the worker as modforge" "/usr/bin/modforge-worker modforge" \
    "$(unit_value $units/modforge-worker@.service ExecStart) $(unit_value $units/modforge-worker@.service User)"
check_equal "modforge-sweep.service runs modforge-admin sweep as modforge" \
    "/usr/bin/modforge-admin sweep modforge" \
    "$(unit_value $units/modforge-sweep.service ExecStart) $(unit_value $units/modforge-sweep.service User)"
check_equal "/run/modforge-metrics made by systemd-tmpfiles, 0755 modforge:modforge" \
    "755 modforge:modforge" "$(stat -c '%a %U:%G' /run/modforge-metrics 2>&1)"
check "the nginx site /etc/nginx/sites-available/modforge" test -f /etc/nginx/sites-available/modforge
check "the nginx site is not enabled by the package" test ! -e /etc/nginx/sites-enabled/modforge
for f in "$repo"/conf/nginx/*.conf; do
    [ "$(basename "$f")" = modforge.conf ] && continue
    check "/etc/nginx/snippets/$(basename "$f")" cmp "$f" "/etc/nginx/snippets/$(basename "$f")"
done
# Every file the site and its snippets include exists where they say.
missing=""
for inc in $(sed -n 's/^[[:space:]]*include[[:space:]]\+\([^;]*\);.*/\1/p' \
    /etc/nginx/sites-available/modforge /etc/nginx/snippets/modforge-*.conf); do
    [ -e "$inc" ] || missing="$missing $inc"
done
check_equal "every include of the site and snippets exists" "" "$missing"
missing=""
for f in $(cd "$repo/web" && find . -type f); do
    cmp -s "$repo/web/$f" "/usr/share/modforge/web/$f" || missing="$missing $f"
done
check_equal "the web page is installed in /usr/share/modforge/web" "" "$missing"

# ---- PostgreSQL: a private cluster, unix socket only, passwords required -------------------
pg_sock="$tmp/pg"
mkdir -p "$pg_sock" "$tmp/pgdata"
chown postgres: "$pg_sock" "$tmp/pgdata"
chmod 0700 "$tmp/pgdata"
superpass=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
dbpass=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
printf '%s\n' "$superpass" >"$tmp/pg-superpass"
chown postgres: "$tmp/pg-superpass"
chmod 0600 "$tmp/pg-superpass"
if runuser -u postgres -- "$pg_bin/initdb" -D "$tmp/pgdata" -U postgres -E UTF8 --locale=C -N \
    --auth-local=scram-sha-256 --auth-host=reject --pwfile="$tmp/pg-superpass" \
    >"$tmp/logs/initdb.log" 2>&1; then
    cat >>"$tmp/pgdata/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$pg_sock'
port = 5432
EOF
    touch "$tmp/logs/postgres.log"
    chown postgres: "$tmp/logs/postgres.log"
    if runuser -u postgres -- "$pg_bin/pg_ctl" -D "$tmp/pgdata" -l "$tmp/logs/postgres.log" -w \
        -t 30 start >/dev/null 2>&1; then
        pg_data="$tmp/pgdata"
    fi
fi
if [ -z "$pg_data" ]; then
    fail "a private PostgreSQL cluster"
    show "$tmp/logs/initdb.log"
    show "$tmp/logs/postgres.log"
    finish
fi
# psql_super DATABASE SQL
psql_super() {
    PGPASSWORD=$superpass psql -h "$pg_sock" -U postgres -d "$1" -X -At -v ON_ERROR_STOP=1 -c "$2"
}
if psql_super postgres "CREATE ROLE modforge LOGIN PASSWORD '$dbpass'" >/dev/null &&
    psql_super postgres "CREATE DATABASE modforge OWNER modforge" >/dev/null; then
    ok "a private PostgreSQL cluster with the role and database modforge"
else
    fail "CREATE ROLE / DATABASE modforge"
    finish
fi

# ---- configure as README.Debian says, migrate ---------------------------------------------
sed -i "s|^host = .*|host = $pg_sock|" "$conf"
check "$conf: database host set to the private cluster's socket" grep -q "^host = $pg_sock\$" "$conf"
install -m 0640 -o root -g modforge /dev/null /etc/modforge/database-password
printf '%s\n' "$dbpass" >/etc/modforge/database-password
if runuser -u modforge -- modforge-admin migrate >"$tmp/logs/migrate.log" 2>&1 &&
    grep -q 'created the schema' "$tmp/logs/migrate.log"; then
    ok "runuser -u modforge -- modforge-admin migrate: $(cat "$tmp/logs/migrate.log")"
else
    fail "runuser -u modforge -- modforge-admin migrate"
    show "$tmp/logs/migrate.log"
    finish
fi
# An upgrade's postinst migrates by itself when the database answers (here: nothing to do), and
# keeps the administrator's configuration and its permissions.
if DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "$deb" </dev/null \
    >"$tmp/logs/reinstall.log" 2>&1; then
    check "reinstall: postinst migrates when the database answers" \
        grep -q 'modforge: the schema is already at version' "$tmp/logs/reinstall.log"
else
    fail "apt-get install --reinstall"
    show "$tmp/logs/reinstall.log"
fi
check "reinstall keeps the configured database host" grep -q "^host = $pg_sock\$" "$conf"
check_equal "reinstall keeps $conf 0640 root:modforge" "640 root:modforge" \
    "$(stat -c '%a %U:%G' "$conf" 2>&1)"

# ---- mail: the conffile's [mail], the package's dependencies, an SMTP sink ---------------------
check "$conf has the [mail] section" grep -qx '\[mail\]' "$conf"
check "$conf: the relay is this host's MTA by default, with its comment" \
    eval "grep -B1 -x 'relay = smtp://127.0.0.1:25' '$conf' | head -n 1 | grep -q '^#'"
depends=$(dpkg-deb -f "$deb" Depends)
check "the package depends on libcurl4 (SMTP), and on no mail server" \
    eval '[[ "$depends" == *libcurl4* && "$depends" != *mail-transport-agent* && "$depends" != *postfix* && "$depends" != *exim* ]]'
# The site's port now, so that links in mail can name it; nginx starts on it below.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mail_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
sed -i -e "s|^relay = .*|relay = smtp://127.0.0.1:$mail_port|" \
    -e "s|^public_url = .*|public_url = $base|" "$conf"
check "$conf: the relay is the test's SMTP sink, links lead to the test's site" \
    eval "grep -q '^relay = smtp://127.0.0.1:$mail_port\$' '$conf' && grep -q '^public_url = $base\$' '$conf'"
(exec setsid /usr/bin/python3 "$repo/tests/kit/mail_sink.py" --port "$mail_port" \
    --maildir "$tmp/mail") </dev/null >>"$tmp/logs/mail-sink.log" 2>&1 &
pids+=("$!")
for ((i = 0; i < 100; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null && break
    sleep 0.1
done
check "the SMTP sink listens on 127.0.0.1:$mail_port" grep -q listening "$tmp/logs/mail-sink.log"

# mail_to ADDRESS SUBJECT: the newest file of the sink's Maildir to ADDRESS about SUBJECT, once
# there is one (at most 30 s), else nothing.
mail_to() {
    local i f
    for ((i = 0; i < 300; i++)); do
        f=$(grep -l "^Delivered-To: $1\$" "$tmp"/mail/new/* 2>/dev/null |
            xargs -r grep -l "^Subject: $2" 2>/dev/null | tail -n 1)
        [ -n "$f" ] && { echo "$f"; return; }
        sleep 0.1
    done
}

# ---- the services, as their units say ------------------------------------------------------
start_unit modforge-fcgi
fcgi_pid=$unit_pid
start_unit modforge-worker
worker_pid=$unit_pid
socket=/run/modforge/fcgi.sock
for ((i = 0; i < 100; i++)); do
    [ -S "$socket" ] && break
    sleep 0.1
done
check_equal "$socket is 0660 www-data:www-data" "660 www-data:www-data" \
    "$(stat -c '%a %U:%G' "$socket" 2>&1)"
sleep 0.5
check_equal "multiwatch runs as modforge" modforge "$(ps -o user= -p "$fcgi_pid" | tr -d ' ')"
check_equal "4 handlers, all as modforge" "4 modforge" \
    "$(ps -o user= --ppid "$fcgi_pid" | sort | uniq -c | awk '{print $1, $2}' | paste -sd' ')"
check_equal "the worker runs as modforge" modforge "$(ps -o user= -p "$worker_pid" | tr -d ' ')"

# ---- nginx with the installed site on the loopback port chosen above ---------------------------
mkdir "$tmp/nginx"
sed -e "s/^\([[:space:]]*\)listen 80 default_server;/\1listen 127.0.0.1:$port;/" \
    -e '/^[[:space:]]*listen \[::\]:80/d' /etc/nginx/sites-available/modforge >"$tmp/nginx/site.conf"
check "the site's listen 80 rewritten to 127.0.0.1:$port" \
    grep -q "listen 127.0.0.1:$port;" "$tmp/nginx/site.conf"
cat >"$tmp/nginx/nginx.conf" <<EOF
# The package test's nginx: the installed site (listen rewritten), everything else under $tmp.
user www-data;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/logs/nginx-error.log;
events {
    worker_connections 64;
}
http {
    access_log $tmp/logs/nginx-access.log;
    client_body_temp_path $tmp/nginx/client_body;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    proxy_temp_path $tmp/nginx/proxy;
    scgi_temp_path $tmp/nginx/scgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    sendfile on;
    include $tmp/nginx/site.conf;
}
EOF
if nginx -t -q -c "$tmp/nginx/nginx.conf" -e "$tmp/logs/nginx-error.log" >"$tmp/logs/nginx-t.log" 2>&1; then
    ok "nginx -t accepts the installed site and snippets"
else
    fail "nginx -t with the installed site"
    show "$tmp/logs/nginx-t.log"
    finish
fi
(exec setsid nginx -c "$tmp/nginx/nginx.conf" -e "$tmp/logs/nginx-error.log" -g 'daemon off;') \
    </dev/null >>"$tmp/logs/nginx.log" 2>&1 &
nginx_pid=$!
pids+=("$nginx_pid")
for ((i = 0; i < 100; i++)); do
    http GET /api/auth/verify
    [ "$status" = 401 ] && break
    sleep 0.2
done
check_equal "GET /api/auth/verify through nginx and the handlers" 401 "$status"
if [ "$(header X-Request-Id | grep -cE '^[0-9a-f]{32}$')" = 1 ]; then
    ok "every answer has an X-Request-Id ($(header X-Request-Id))"
else
    fail "X-Request-Id: '$(header X-Request-Id)'"
fi

# ---- health, metrics, reload ----------------------------------------------------------------
http GET /api/health
check_equal "GET /api/health (the load balancer's probe)" \
    "200 {'success': True, 'status': 'ok', 'database': 'ok', 'schema_version': $(psql_super modforge "SELECT version FROM schema_version" 2>&1)}" \
    "$status $(json 'j')"
http GET /metrics
if [ "$status" = 200 ] && [ "$(header Content-Type)" = "text/plain;version=0.0.4;charset=utf-8" ] &&
    grep -q '^modforge_http_requests_total{route="/api/health",status="200"} 1$' "$tmp/body" &&
    grep -q '^modforge_database_up 1$' "$tmp/body"; then
    ok "GET /metrics from loopback: the handlers' shared counters and the database's gauges"
else
    fail "GET /metrics (status $status, $(header Content-Type))"
    head -n 5 "$tmp/body" | sed 's/^/     | /'
fi
other=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.2 "$base/metrics")
check_equal "GET /metrics from another address is refused" 403 "$other"
old_handlers=$(ps -o pid= --ppid "$fcgi_pid" | sort | paste -sd' ')
/bin/kill -USR2 "$fcgi_pid"    # what systemctl reload modforge-fcgi runs
new_handlers=""
for ((i = 0; i < 50; i++)); do
    sleep 0.1
    new_handlers=$(ps -o pid= --ppid "$fcgi_pid" | sort | paste -sd' ')
    [ "$(wc -w <<<"$new_handlers")" = 4 ] && [ -z "$(comm -12 <(tr ' ' '\n' <<<"$old_handlers") \
        <(tr ' ' '\n' <<<"$new_handlers"))" ] && break
done
http GET /api/health
check_equal "reload (USR2 to multiwatch): 4 new handlers, healthy" "4 none-left 200" \
    "$(wc -w <<<"$new_handlers") $([ -z "$(comm -12 <(tr ' ' '\n' <<<"$old_handlers") <(tr ' ' '\n' <<<"$new_handlers"))" ] && echo none-left || echo some-left) $status"

# ---- the web page, as the installed site serves it ------------------------------------------
http GET /
if [ "$status" = 200 ] && [ "$(header Content-Type)" = "text/html;charset=utf-8" ] &&
    grep -q '<script type="module" src="/js/app.js">' "$tmp/body" &&
    header Content-Security-Policy | grep -q "script-src'self'"; then
    ok "GET / is the web page (text/html, the page's CSP)"
else
    fail "GET / (status $status, $(header Content-Type), CSP $(header Content-Security-Policy))"
fi
http GET /js/app.js
check_equal "GET /js/app.js is JavaScript" "200 text/javascript;charset=utf-8" "$status $(header Content-Type)"
http GET /css/app.css
check_equal "GET /css/app.css is CSS" "200 text/css;charset=utf-8" "$status $(header Content-Type)"

# ---- register -> login -> generate -> completed -> image and zip --------------------------
http POST /api/auth/register '{"username":"pkgtest","email":"pkgtest@example.com","password":"package-test-pw"}'
check_equal "register" 201 "$status"
verify_mail=$(mail_to pkgtest@example.com "Confirm your email address")
check "the installed worker delivers the registration's verification mail to the relay" \
    test -n "$verify_mail"
http POST /api/auth/login '{"username":"pkgtest","password":"package-test-pw"}'
token=$(json 'j["session"]["token"]')
check_equal "login" 200 "$status"
http POST /api/generate-mod '{"prompt":"a glowing blue sword of frost"}' "$token"
job=$(json 'j["job_id"]')
check_equal "generate-mod" 202 "$status"
job_status=""
for ((i = 0; i < 120; i++)); do
    http GET "/api/status/$job" "" "$token"
    job_status=$(json 'j["job"]["status"]')
    case "$job_status" in completed | failed) break ;; esac
    sleep 0.5
done
check_equal "the worker completes the job" completed "$job_status"
download=$(json 'j["job"]["result"]["download_url"]')
http GET "/api/jobs/$job/images/0" "" "$token"
if [ "$status" = 200 ] && [ "$(header Content-Type)" = image/png ] &&
    [ "$(head -c 8 "$tmp/body" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    ok "image 0 is a PNG sent by nginx"
else
    fail "image 0 (status $status, $(header Content-Type))"
fi
http GET "$download" "" "$token"
if [ "$status" = 200 ] && [ "$(header Content-Type)" = application/zip ] &&
    python3 -m zipfile -t "$tmp/body" >/dev/null 2>&1; then
    ok "the download $download is a zip ($(stat -c %s "$tmp/body") bytes)"
else
    fail "the download $download (status $status, $(header Content-Type))"
    show "$tmp/logs/nginx-error.log"
fi
http GET "$download"
check_equal "the download without a token" 401 "$status"
check_equal "job files belong to modforge:www-data and nobody else can read them" "" \
    "$(find /var/lib/modforge/files -mindepth 1 \( ! -user modforge -o ! -group www-data -o -perm /o=rwx \) -printf '%p ' 2>&1)"

# ---- a forgotten password, through the mail --------------------------------------------------
http POST /api/auth/password/forgot '{"email":"pkgtest@example.com"}'
check_equal "forgot" 202 "$status"
reset_mail=$(mail_to pkgtest@example.com "Reset your modforge password")
# As docs/api.md shows it: the link's token, cut out with sed.
reset_token=$(sed -n 's|^http.*/#reset=\([0-9a-f]\{64\}\)$|\1|p' "$reset_mail" 2>/dev/null)
check "the reset mail arrives, its link on the site: $base/#reset=…" \
    eval "[ \${#reset_token} -eq 64 ] && grep -qx '$base/#reset=$reset_token' '$reset_mail'"
http POST /api/auth/password/reset "{\"token\":\"$reset_token\",\"password\":\"reset through the mail\"}"
check_equal "reset with the mailed token" 200 "$status"
http POST /api/auth/login '{"username":"pkgtest","password":"reset through the mail"}'
check_equal "login with the new password" 200 "$status"
check "the notice of the change arrives" test -n "$(mail_to pkgtest@example.com "Your modforge password was changed")"
# The daily sweep's command, as its timer would run it.
sweep=$(unit_value $units/modforge-sweep.service ExecStart)
read -r -a sweep_argv <<<"$sweep"
if out=$(runuser -u modforge -- "${sweep_argv[@]}" 2>&1) && [[ $out == removed:* ]]; then
    ok "modforge-sweep.service's command as modforge: $out"
else
    fail "modforge-sweep.service's command: $out"
fi

# ---- stop, as systemd would (KillSignal, KillMode=mixed) -----------------------------------
check "nginx stops on SIGQUIT" stop_pid "$nginx_pid" QUIT
check "the worker stops on SIGTERM" stop_pid "$worker_pid" TERM
check "multiwatch and the handlers stop on SIGTERM" stop_pid "$fcgi_pid" TERM
# And what else it started (the SMTP sink), by process id.
for pid in "${pids[@]}"; do
    stop_pid "$pid" TERM
done
pids=()
for d in "${runtime_dirs[@]}"; do
    rm -rf "$d"
done
runtime_dirs=()

# ---- remove keeps the configuration and data; purge leaves only the database ---------------
files=$(dpkg -L modforge | while read -r f; do [ -f "$f" ] && echo "$f"; done)
if [ -d /etc/nginx/sites-enabled ] && [ ! -e /etc/nginx/sites-enabled/modforge ]; then
    site_link=/etc/nginx/sites-enabled/modforge
    ln -s ../sites-available/modforge "$site_link"
fi
if DEBIAN_FRONTEND=noninteractive apt-get remove -y -q modforge </dev/null >"$tmp/logs/remove.log" 2>&1; then
    ok "apt-get remove modforge"
else
    fail "apt-get remove modforge"
    show "$tmp/logs/remove.log"
fi
check "remove keeps $conf" test -f "$conf"
check "remove keeps the job files" test -n "$(find /var/lib/modforge/files -name '*.zip')"
check "remove keeps the user modforge" getent passwd modforge
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -q modforge </dev/null >"$tmp/logs/purge.log" 2>&1; then
    ok "apt-get purge modforge"
    installed_by_us=""
else
    fail "apt-get purge modforge"
    show "$tmp/logs/purge.log"
fi
check "dpkg no longer knows modforge" test -z "$(package_present && echo yes)"
left=""
for f in $files /etc/modforge /var/lib/modforge /etc/nginx/sites-enabled/modforge \
    /etc/systemd/system/multi-user.target.wants/modforge-fcgi.service \
    /etc/systemd/system/multi-user.target.wants/modforge-worker.service \
    /var/lib/systemd/deb-systemd-helper-enabled/modforge-fcgi.service.dsh-also \
    /var/lib/systemd/deb-systemd-helper-enabled/modforge-worker.service.dsh-also \
    /var/lib/systemd/deb-systemd-helper-enabled/multi-user.target.wants/modforge-fcgi.service \
    /var/lib/systemd/deb-systemd-helper-enabled/multi-user.target.wants/modforge-worker.service; do
    if [ -e "$f" ] || [ -L "$f" ]; then left="$left $f"; fi
done
check_equal "purge leaves none of the package's files, config, data, site link or unit links" "" "$left"
check "purge keeps the user modforge (Debian practice)" getent passwd modforge
check "purge removes /run/modforge-metrics" test ! -e /run/modforge-metrics
check_equal "purge keeps the database (the user row is there)" 1 \
    "$(psql_super modforge "SELECT count(*) FROM users WHERE username = 'pkgtest'" 2>&1)"

finish
