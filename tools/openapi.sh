#!/bin/sh
# npm run openapi [-- --check]: every service writes (or checks) its own OpenAPI document under
# docs/api/, then the gateway composes the public one (docs/openapi.json) from them, so in that order;
# last, the web console's API types (apps/console/src/api/schema.d.ts) follow the public document.
set -e
cd "$(dirname "$0")/.."
for project in apps/cities apps/partnerships apps/commissions apps/notifications apps/gateway; do
  node -r @swc-node/register "$project/scripts/generate-openapi.ts" "$@"
done
node apps/console/scripts/generate-api-types.mjs "$@"
