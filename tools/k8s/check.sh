#!/usr/bin/env bash
# The Kubernetes manifests' checks, offline (no cluster, no Docker engine): every overlay builds
# with `kubectl kustomize`, and every object built validates against the Kubernetes schemas
# (kubernetes-validate, pinned, in a venv under .local/) or, for custom resources, against the
# operators' CRD schemas vendored in tools/k8s/crds; then the platform's rules on what was built;
# then each app's own config loader (from dist/) on the environment its container would get.
# Exits non-zero on any failure. Usage: tools/k8s/check.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
started=$(date +%s)
KV_VERSION=1.37.0
VENV=${K8S_VENV:-.local/k8s-venv}
OUT=.local/k8s-check
OVERLAYS=(dev prod)

log() { echo "[k8s-check] $*"; }

command -v kubectl >/dev/null || { log "FAIL kubectl is not on PATH"; exit 1; }
log "kubectl $(kubectl version --client 2>/dev/null | tr '\n' ' ')"

if ! "$VENV/bin/python" -c "import kubernetes_validate, sys; sys.exit(kubernetes_validate.version.__version__ != '$KV_VERSION')" 2>/dev/null; then
  log "installing kubernetes-validate==$KV_VERSION into $VENV (cached afterwards)"
  python3 -m venv "$VENV" || { log "FAIL python3 -m venv failed (on Debian: apt-get install python3-venv)"; exit 1; }
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$KV_VERSION" ||
    { log "FAIL pip could not install kubernetes-validate==$KV_VERSION from PyPI"; exit 1; }
fi

mkdir -p "$OUT"
built=()
for overlay in "${OVERLAYS[@]}"; do
  if ! kubectl kustomize "k8s/overlays/$overlay" >"$OUT/$overlay.yaml" 2>"$OUT/$overlay.err"; then
    log "FAIL kubectl kustomize k8s/overlays/$overlay:"
    cat "$OUT/$overlay.err"
    exit 1
  fi
  log "built k8s/overlays/$overlay ($(grep -c '^kind:' "$OUT/$overlay.yaml") objects) -> $OUT/$overlay.yaml"
  built+=("$OUT/$overlay.yaml")
done

# The validator must be able to fail: known-bad objects (an unknown field, a bad ACL operation,
# an unknown kind, missing security settings) have to be refused, each by name.
bad=$("$VENV/bin/python" tools/k8s/validate.py tools/k8s/fixtures/broken.yaml 2>&1) && {
  log "FAIL validate.py accepted tools/k8s/fixtures/broken.yaml"; exit 1; }
for expected in "'readinesProbe' was unexpected" "'Wrte' is not one of" "no schema for example.com/v1 NotAKind" \
  "readOnlyRootFilesystem" "automountServiceAccountToken"; do
  grep -qF "$expected" <<<"$bad" || { log "FAIL the broken fixture was not refused for: $expected"; echo "$bad"; exit 1; }
done
log "self-test: validate.py refuses tools/k8s/fixtures/broken.yaml for each of its 5 planted faults"

status=0
"$VENV/bin/python" tools/k8s/validate.py "${built[@]}" || status=$?
# Each app's own config loader on the environment its container gets: needs the built apps.
NODE=node_modules/.bin/node
[ -x "$NODE" ] || NODE=node
if [ -f dist/apps/gateway/src/config.js ] && [ -f dist/libs/auth/src/index.js ] && [ -d node_modules/class-validator ]; then
  "$NODE" tools/k8s/config-check.mjs "${built[@]}" || status=1
elif [ "${K8S_CHECK_REQUIRE_DIST:-0}" = 1 ]; then
  log "FAIL config check: dist/ is not built (npm run build) and K8S_CHECK_REQUIRE_DIST=1"; status=1
else
  log "SKIPPED config check: dist/ is not built (npm run build first; K8S_CHECK_REQUIRE_DIST=1 makes this a failure)"
fi

# A new app is not done until it is observed: every app under apps/ has a ServiceMonitor in prod and
# is a choice of the Grafana dashboard's service variable.
"$NODE" -e '
  const fs = require("node:fs");
  const apps = fs.readdirSync("apps").filter((a) => fs.existsSync(`apps/${a}/src/main.ts`));
  const monitors = fs.readFileSync("k8s/overlays/prod/servicemonitors.yaml", "utf8");
  const dashboard = JSON.parse(fs.readFileSync("k8s/overlays/prod/dashboards/c2c-platform.json", "utf8"));
  const service = dashboard.templating.list.find((v) => v.name === "service");
  const choices = new Set(service.options.map((o) => o.value));
  const missing = apps.flatMap((a) => [
    ...(new RegExp(`kind: ServiceMonitor\\nmetadata:\\n  name: ${a}\\n`).test(monitors) ? [] : [`${a}: no ServiceMonitor`]),
    ...(choices.has(a) ? [] : [`${a}: not on the dashboard`]),
  ]);
  if (missing.length > 0) { console.error(`[k8s-check] FAIL ${missing.join("; ")}`); process.exit(1); }
  console.log(`[k8s-check] every app (${apps.join(", ")}) has a ServiceMonitor and is on the dashboard`);
' || status=1

log "$([ $status -eq 0 ] && echo PASS || echo FAIL) in $(( $(date +%s) - started )) s"
exit $status
