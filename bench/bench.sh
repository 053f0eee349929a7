#!/bin/sh
# make bench: see bench/bench.py.
exec python3 "$(dirname "$0")/bench.py" "$@"
