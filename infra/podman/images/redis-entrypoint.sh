#!/bin/sh
# `redis-server ARGS` (the compose command) listening on all interfaces without protected mode, as
# the official image does when no config file is given; any other command runs as is.
set -eu
if [ "${1:-}" = "redis-server" ]; then
  shift
  exec redis-server --bind 0.0.0.0 --protected-mode no "$@"
fi
exec "$@"
