#!/usr/bin/env bash
# Builds the platform's image with podman on a locally made base and runs containers from it, as their
# non-root user with a read-only root filesystem, against the local Kafka and PostgreSQL
# (`npm run infra:up`; this script never starts or stops them). `.ci/run` runs it after the tests.
#   sudo npm run images:smoke                (as root: podman, runc and debootstrap from Debian)
#
# No image registry is reachable on these machines, so the official Node image cannot be pulled: the
# base is `debootstrap --variant=minbase bookworm` with the Node binary of the npm `node` package (the
# version package.json pins) and this machine's npm copied in, imported with `podman import` and
# cached under .local/images/. The Dockerfile is the one users build; only its NODE_BASE differs.
#
# What runs, in an isolated namespace (its own database and topic prefix, so nothing of a developer's
# local platform is touched): the image's `bootstrap` (roles, schemas, topics), then the cities
# services (cities, partnerships, commissions, notifications) in production mode, each of which must be
# ready with a passing HEALTHCHECK and an unwritable /app; the cities seed; then the gateway in front of
# them registers a city through /api/v1/cities, and the city's event must reach c2c.cities.v1.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE="$ROOT/.local/images"
NODE_BIN="$ROOT/node_modules/node/bin/node"
NODE_VERSION="$("$NODE_BIN" -p "require('$ROOT/package.json').devDependencies.node")"
BASE="localhost/c2c-node-base:$NODE_VERSION"
IMAGE="localhost/c2c-platform:smoke"
RUN_ID="smoke$$"
SMOKE_DB="c2c_images_smoke"
ADMIN_URL="postgres://c2c_admin:c2c_admin@127.0.0.1:5433"
PREFIX="images-smoke-$RUN_ID."
GATEWAY_PORT=13100
log() { echo "[images:smoke] $*"; }
# kafkajs's timers warn on Node 24 (as in package.json's test scripts).
export NODE_OPTIONS=--disable-warning=TimeoutNegativeWarning

[ "$(id -u)" = 0 ] || { echo "[images:smoke] run as root (podman with runc)" >&2; exit 1; }
for tool in podman runc debootstrap; do
  command -v "$tool" >/dev/null || { echo "[images:smoke] apt-get install -y podman runc debootstrap" >&2; exit 1; }
done
mkdir -p "$STATE"

# This machine's hybrid cgroups: crun fails, runc with cgroupfs works; the default ulimits cannot be set.
export CONTAINERS_CONF="$STATE/containers.conf"
cat >"$CONTAINERS_CONF" <<'EOF'
[containers]
default_ulimits = []

[engine]
cgroup_manager = "cgroupfs"
EOF
pod() { podman --runtime runc "$@"; }

# ---- the base image -------------------------------------------------------------------------------
if ! pod image exists "$BASE"; then
  if [ -f "$STATE/base-$NODE_VERSION.tar" ]; then
    pod load -q -i "$STATE/base-$NODE_VERSION.tar" >/dev/null
  else
    log "making the base: debootstrap bookworm + Node $NODE_VERSION"
    rm -rf "$STATE/rootfs"
    # The Debian archive apt already uses on this machine (DEBIAN_MIRROR overrides it).
    # (`|| true`: a missing sources file is not an error under `set -e -o pipefail`.)
    mirror="${DEBIAN_MIRROR:-$({ grep -hoE '(https?://[^ ]+/debian)/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null || true; } | head -1 | tr -d ' ')}"
    [ -n "$mirror" ] || { echo "[images:smoke] no Debian archive in apt's sources; set DEBIAN_MIRROR" >&2; exit 1; }
    debootstrap --variant=minbase bookworm "$STATE/rootfs" "${mirror%/}" >"$STATE/debootstrap.log"
    install -m 0755 "$NODE_BIN" "$STATE/rootfs/usr/local/bin/node"
    mkdir -p "$STATE/rootfs/usr/local/lib/node_modules"
    # This machine's npm: the one running this script under `npm run` (npm_execpath), else the first
    # npm on PATH outside node_modules (the repository's node/.bin wrappers have no npm of their own).
    npm_dir=""
    [ -n "${npm_execpath:-}" ] && npm_dir="$(cd "$(dirname "$npm_execpath")/.." && pwd)"
    if [ ! -f "$npm_dir/bin/npm-cli.js" ]; then
      outside_path="$(echo "$PATH" | tr ':' '\n' | grep -v node_modules | paste -sd:)"
      npm_dir="$(PATH="$outside_path" npm root -g)/npm"
    fi
    [ -f "$npm_dir/bin/npm-cli.js" ] || { echo "[images:smoke] no npm found to copy into the base" >&2; exit 1; }
    cp -a "$npm_dir" "$STATE/rootfs/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$STATE/rootfs/usr/local/bin/npm"
    rm -rf "$STATE/rootfs/var/cache/apt/archives/"*.deb "$STATE/rootfs/var/lib/apt/lists/"*
    changes=(--change 'CMD ["node"]')
    # Where this machine reaches the npm registry through a TLS-inspecting egress, the build's `npm ci`
    # must trust the same extra authorities the host's Node does (a public certificate, no secret).
    # Only this local base carries it; the Dockerfile and the official base know nothing of it.
    if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
      install -m 0644 "$NODE_EXTRA_CA_CERTS" "$STATE/rootfs/usr/local/share/host-extra-ca.pem"
      changes+=(--change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/host-extra-ca.pem')
    fi
    tar -C "$STATE/rootfs" -c . | pod import "${changes[@]}" - "$BASE" >/dev/null
    pod save -q -o "$STATE/base-$NODE_VERSION.tar" "$BASE"
    rm -rf "$STATE/rootfs"
  fi
fi
pod run --rm "$BASE" node -v

# ---- the image ------------------------------------------------------------------------------------
log "building $IMAGE from the Dockerfile (NODE_BASE=$BASE)"
started=$(date +%s)
# Docker's image format: OCI's has no HEALTHCHECK, and podman drops it from an OCI build.
pod build -q --format docker --network=host --build-arg "NODE_BASE=$BASE" -t "$IMAGE" "$ROOT" >/dev/null
log "built in $(($(date +%s) - started)) s, $(pod image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%d MB", $1/1e6}')"
log "user $(pod image inspect "$IMAGE" --format '{{.Config.User}}'), healthcheck $(pod image inspect "$IMAGE" --format '{{if .Config.Healthcheck}}set{{else}}MISSING{{end}}')"

# ---- containers -----------------------------------------------------------------------------------
CONTAINERS=()
cleanup() {
  [ "${KEEP_CONTAINERS:-}" = 1 ] && return
  for name in "${CONTAINERS[@]}"; do pod rm -f -t 5 "$name" >/dev/null 2>&1 || true; done
  # This run's database, topics and consumer group.
  smoke_database drop || true
  "$NODE_BIN" -e "
    const { Kafka, logLevel } = require('$ROOT/node_modules/kafkajs');
    const admin = new Kafka({ brokers: ['127.0.0.1:9092'], clientId: 'images-smoke', logLevel: logLevel.NOTHING }).admin();
    (async () => {
      await admin.connect();
      const topics = (await admin.listTopics()).filter((t) => t.startsWith('$PREFIX'));
      if (topics.length) await admin.deleteTopics({ topics });
      await admin.deleteGroups(['images-smoke-$RUN_ID']).catch(() => {});
      await admin.disconnect();
    })().catch((e) => console.error('[images:smoke] cleanup: ' + e.message));
  " || true
}
trap cleanup EXIT

REVOCATION_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SIGNING_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ADMIN_PASSWORD="smoke-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# The same local passwords as tools/start.mjs: roles are cluster-wide, and provisioning sets them.
db_password() { echo "local_$1"; }
db_url() { echo "postgres://c2c_$1:$(db_password "$1")@127.0.0.1:5433/$SMOKE_DB"; }

# Containers share the host's network (the local Kafka advertises 127.0.0.1:9092).
secure=(--network=host --read-only --tmpfs /tmp --user 10001:10001 --cap-drop=ALL --security-opt=no-new-privileges)

# A fresh database each run (the gateway makes its first account only while none exists).
smoke_database() { # create | drop
  "$NODE_BIN" -e "
    const { Client } = require('$ROOT/node_modules/pg');
    const c = new Client({ connectionString: '$ADMIN_URL/c2c' });
    c.connect()
      .then(() => c.query('drop database if exists $SMOKE_DB with (force)'))
      .then(() => ('$1' === 'create' ? c.query('create database $SMOKE_DB') : null))
      .then(() => c.end(), (e) => { console.error('[images:smoke] database: ' + e.message); process.exit(1); });
  "
}
smoke_database create

log "bootstrap (roles, schemas in $SMOKE_DB, topics with prefix $PREFIX)"
pod run --rm "${secure[@]}" \
  -e "ADMIN_DATABASE_URL=$ADMIN_URL/$SMOKE_DB" -e KAFKA_BROKERS=127.0.0.1:9092 -e "KAFKA_TOPIC_PREFIX=$PREFIX" \
  -e "CITIES_DB_PASSWORD=$(db_password cities)" -e "PARTNERSHIPS_DB_PASSWORD=$(db_password partnerships)" \
  -e "COMMISSIONS_DB_PASSWORD=$(db_password commissions)" -e "NOTIFICATIONS_DB_PASSWORD=$(db_password notifications)" \
  -e "GATEWAY_DB_PASSWORD=$(db_password gateway)" \
  "$IMAGE" bootstrap

common=(-e NODE_ENV=production -e HOST=127.0.0.1 -e KAFKA_BROKERS=127.0.0.1:9092 -e "KAFKA_TOPIC_PREFIX=$PREFIX")

wait_ready() { # name port
  for _ in $(seq 1 90); do
    if curl -fsS "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; then return 0; fi
    if [ "$(pod inspect -f '{{.State.Running}}' "$1")" != true ]; then break; fi
    sleep 1
  done
  echo "[images:smoke] $1 was not ready; its log:" >&2
  pod logs "$1" 2>&1 | tail -40 >&2
  exit 1
}

service_env() { # app port
  echo "-e PORT=$2 -e DATABASE_URL=$(db_url "$1") -e GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT -e AUTH_REVOCATION_SECRET=$REVOCATION_SECRET"
}

# Every service behind the gateway, each checked the same way: ready, its HEALTHCHECK, its user, and
# a root filesystem it cannot write.
declare -A PORTS=([cities]=13101 [partnerships]=13102 [commissions]=13103 [notifications]=13104)
for app in cities partnerships commissions notifications; do
  name="c2c-$RUN_ID-$app"
  CONTAINERS+=("$name")
  # shellcheck disable=SC2046 # service_env's words are meant to split
  pod run -d --name "$name" "${secure[@]}" "${common[@]}" $(service_env "$app" "${PORTS[$app]}") \
    "$IMAGE" "$app" >/dev/null
done
for app in cities partnerships commissions notifications; do
  name="c2c-$RUN_ID-$app"
  wait_ready "$name" "${PORTS[$app]}"
  if ! pod healthcheck run "$name" >/dev/null; then
    echo "[images:smoke] the HEALTHCHECK of $name failed" >&2
    exit 1
  fi
  if pod exec "$name" sh -c 'touch /app/x' 2>/dev/null; then
    echo "[images:smoke] /app is writable in $name" >&2
    exit 1
  fi
  pod exec "$name" sh -c 'touch /tmp/x'
  log "$app ready on :${PORTS[$app]} as user $(pod top "$name" user | tail -1 | tr -d ' '); HEALTHCHECK passes; /app read-only, /tmp writable"
done

# The seed scripts run from the image too, with the service's own environment.
# shellcheck disable=SC2046
pod run --rm "${secure[@]}" "${common[@]}" $(service_env cities "${PORTS[cities]}") "$IMAGE" seed cities | tail -1

if [ "${SMOKE_GATEWAY:-1}" = 1 ]; then
  name="c2c-$RUN_ID-gateway"
  CONTAINERS+=("$name")
  pod run -d --name "$name" "${secure[@]}" "${common[@]}" \
    -e "PORT=$GATEWAY_PORT" -e "DATABASE_URL=$(db_url gateway)" \
    -e BOOTSTRAP_ADMIN_EMAIL=admin@images-smoke.example -e "BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD" \
    -e "SIGNING_KEY_SECRET=$SIGNING_SECRET" -e "REVOCATION_FEED_SECRET=$REVOCATION_SECRET" \
    -e "CITIES_URL=http://127.0.0.1:${PORTS[cities]}" -e "PARTNERSHIPS_URL=http://127.0.0.1:${PORTS[partnerships]}" \
    -e "COMMISSIONS_URL=http://127.0.0.1:${PORTS[commissions]}" -e "NOTIFICATIONS_URL=http://127.0.0.1:${PORTS[notifications]}" \
    "$IMAGE" gateway >/dev/null
  wait_ready "$name" "$GATEWAY_PORT"
  log "gateway ready on :$GATEWAY_PORT"
  # Register a city through the gateway's container and see its event on the (prefixed) topic.
  "$NODE_BIN" --input-type=module -e "
    import { createRequire } from 'node:module';
    const require = createRequire('$ROOT/package.json');
    const { Kafka, logLevel } = require('kafkajs');
    const base = 'http://127.0.0.1:$GATEWAY_PORT/api/v1';
    const post = async (path, body, token) => {
      const response = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(path + ': ' + response.status + ' ' + (await response.text()));
      return response.json();
    };
    // The console the image ships, served by the gateway under its strict CSP.
    const page = await fetch('http://127.0.0.1:$GATEWAY_PORT/console/');
    const html = await page.text();
    if (!page.ok || !html.includes('<script type=\"module\"') || !(page.headers.get('content-security-policy') ?? '').includes(\"script-src 'self'\"))
      throw new Error('/console/: ' + page.status + ' ' + html.slice(0, 200));
    console.log('[images:smoke] the console is served at /console/ (' + html.length + ' bytes, CSP script-src self)');
    const { accessToken } = await post('/auth/token', { email: 'admin@images-smoke.example', password: '$ADMIN_PASSWORD' });
    const city = await post('/cities', { name: 'Smoke City $RUN_ID', countryCode: 'JP', level: 'metropolitan-city' }, accessToken);
    console.log('[images:smoke] city registered through the gateway: ' + city.id);
    const kafka = new Kafka({ brokers: ['127.0.0.1:9092'], clientId: 'images-smoke', logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: 'images-smoke-$RUN_ID' });
    await consumer.connect();
    await consumer.subscribe({ topic: '${PREFIX}c2c.cities.v1', fromBeginning: true });
    const seen = new Promise((resolve) =>
      consumer.run({ eachMessage: async ({ message }) => { if (message.key?.toString() === city.id) resolve(message.headers['ce_type']?.toString()); } }),
    );
    const type = await Promise.race([seen, new Promise((_, reject) => setTimeout(() => reject(new Error('no event within 30 s')), 30_000))]);
    console.log('[images:smoke] its event arrived on ${PREFIX}c2c.cities.v1: ' + type);
    await consumer.disconnect();
  "
fi
log "passed"
