#!/bin/sh
# A throwaway PostgreSQL server for the tests (the recipe of the project's
# DEPENDENCIES.md): `pgtmp.sh start DIR` initialises a cluster in DIR,
# starts it on a free port of 127.0.0.1 and prints the URL of a fresh
# database; `pgtmp.sh stop DIR` stops it. As root the server runs as the
# postgres user (the directories above DIR must be searchable by it).
set -eu
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pgtmp.sh start|stop DIR" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pgtmp: PostgreSQL is not installed (make deps)" >&2; exit 1; }
run=""
[ "$(id -u)" = 0 ] && run="runuser -u postgres --"
case $cmd in
start)
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	mkdir -p "$dir"
	chmod 755 "$dir"
	[ -n "$run" ] && chown postgres "$dir"
	$run "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	$run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start > /dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE annals_test" > /dev/null
	echo "postgresql://postgres@127.0.0.1:$port/annals_test"
	;;
stop)
	[ -d "$dir/data" ] && $run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null 2>&1 || true
	;;
*)
	echo "usage: pgtmp.sh start|stop DIR" >&2
	exit 2
	;;
esac
