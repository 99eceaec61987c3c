#!/usr/bin/env bash
# The alert rules' and dashboard's checks, offline: the PrometheusRule in k8s/overlays/prod/alerts is
# the one source; its .spec is extracted into a plain rules file for `promtool check rules` and the
# unit tests beside it (`promtool test rules`); every dashboard panel's expr must parse as PromQL
# (as a throwaway rule). promtool: from PATH, else Debian's prometheus package (installed once, as root).
# Exits non-zero on any failure. Usage: tools/k8s/alerts-check.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ALERTS=k8s/overlays/prod/alerts
DASHBOARD=k8s/overlays/prod/dashboards/c2c-platform.json
OUT=.local/alerts-check
log() { echo "[alerts-check] $*"; }

if ! command -v promtool >/dev/null; then
  log "promtool is not on PATH: installing Debian's prometheus package (ships promtool)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } >/dev/null ||
    { log "FAIL could not install promtool (apt-get install prometheus, as root)"; exit 1; }
fi
log "$(promtool --version 2>&1 | head -1)"

mkdir -p "$OUT"
NODE=node_modules/.bin/node
[ -x "$NODE" ] || NODE=node
"$NODE" -e '
  const fs = require("node:fs");
  const YAML = require("yaml");
  const [alerts, dashboardPath, out] = process.argv.slice(1);
  const rule = YAML.parse(fs.readFileSync(`${alerts}/c2c-alerts.yaml`, "utf8"));
  fs.writeFileSync(`${out}/c2c-alerts.rules.yaml`, YAML.stringify(rule.spec));
  const dashboard = JSON.parse(fs.readFileSync(dashboardPath, "utf8"));
  const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
  const rules = panels.flatMap((p) => (p.targets ?? []).filter((t) => t.expr).map((t, i) => ({
    // Grafana variables are substituted by Grafana; stand-ins so the PromQL parses.
    record: `dashboard:panel_${p.id}_${i}`,
    expr: t.expr.replaceAll("$__rate_interval", "5m").replaceAll("$__interval", "1m").replace(/\$\{?(\w+)\}?/g, "x"),
  })));
  fs.writeFileSync(`${out}/dashboard-exprs.rules.yaml`, YAML.stringify({ groups: [{ name: "dashboard", rules }] }));
  console.log(`[alerts-check] extracted ${rule.spec.groups.flatMap((g) => g.rules).length} alerts and ${rules.length} dashboard exprs`);
' "$ALERTS" "$DASHBOARD" "$OUT"
cp "$ALERTS/c2c-alerts.test.yaml" "$OUT/"

promtool check rules "$OUT/c2c-alerts.rules.yaml" "$OUT/dashboard-exprs.rules.yaml"
# Every alert has a unit test.
for alert in $(grep -oP '^\s+- alert: \K\S+' "$ALERTS/c2c-alerts.yaml"); do
  grep -q "alertname: $alert\$" "$ALERTS/c2c-alerts.test.yaml" || { log "FAIL $alert has no test"; exit 1; }
done
(cd "$OUT" && promtool test rules c2c-alerts.test.yaml)
log PASS
