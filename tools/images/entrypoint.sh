#!/bin/sh
# The image's entry point: the first argument names what to run.
#   <app>                 the app: cities | partnerships | commissions | notifications | gateway
#   seed <app>            the app's demo data (dist/apps/<app>/scripts/seed.js), where it has one
#   script <app> <name>   another of the app's scripts, e.g. `script commissions rebuild-city-model`
#   bootstrap             schemas, roles and topics for docker compose (deploy/compose/bootstrap.mjs)
# `exec` hands PID 1 to node, so SIGTERM from the runtime reaches the app's graceful shutdown.
set -eu
cd /app

name_ok() {
  case "$1" in
    '' | *[!a-z-]*) return 1 ;;
    *) return 0 ;;
  esac
}

run_file() {
  if [ ! -f "$1" ]; then
    echo "entrypoint: $1 is not in this image" >&2
    exit 64
  fi
  exec node --enable-source-maps "$@"
}

command="${1:-help}"
[ "$#" -gt 0 ] && shift
case "$command" in
  bootstrap)
    exec node deploy/compose/bootstrap.mjs "$@"
    ;;
  seed)
    name_ok "${1:-}" || { echo "entrypoint: seed needs an app name" >&2; exit 64; }
    run_file "dist/apps/$1/scripts/seed.js"
    ;;
  script)
    name_ok "${1:-}" && name_ok "${2:-}" || { echo "entrypoint: script needs an app and a script name" >&2; exit 64; }
    app="$1" script="$2"
    shift 2
    run_file "dist/apps/$app/scripts/$script.js" "$@"
    ;;
  help | -h | --help)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    name_ok "$command" || { echo "entrypoint: unknown command '$command'" >&2; exit 64; }
    run_file "dist/apps/$command/src/main.js" "$@"
    ;;
esac
