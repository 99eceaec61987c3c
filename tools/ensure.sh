#!/bin/sh
# Runs before `npm start`, `npm test` and `npm run infra:up`, so each works as the first command typed
# on a fresh clone: installs the dependencies (Node 24 among them, as the `node` dev dependency, which
# npm scripts then find first on PATH) when the lock file changed, then brings the infrastructure up.
#   sh tools/ensure.sh        dependencies + infrastructure
#   sh tools/ensure.sh deps   dependencies only
set -eu
cd "$(dirname "$0")/.."

stamp=node_modules/.c2c-lock-stamp
lock_hash=$(cksum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ] || [ ! -x node_modules/.bin/node ]; then
  echo "[ensure] installing dependencies from package-lock.json…"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

[ "${1:-}" = "deps" ] && exit 0
exec node_modules/.bin/node tools/infra/cli.mjs up
