# One image for every app of the platform (cities, partnerships, commissions, notifications, gateway);
# the app is the container's argument: `docker run c2c-platform cities`.
#
# Why one image and not one per app: the apps share one package.json and one lock file, so their
# production dependencies are the same tree, and the build compiles the whole monorepo in one pass.
# Five images would be five copies of the same ~200 MB of node_modules differing by a few hundred KB
# of dist/, built, scanned and pulled five times, and a version skew between apps would become
# possible. One image keeps one artefact per commit; the argument picks the entry point. The start
# command is the one tools/start.mjs and the tests use: `node --enable-source-maps
# dist/apps/<app>/src/main.js`.
#
# The base is a build argument so that a machine without a registry can build on a locally made base
# (see tools/images/smoke.sh). Its default is the official Node image, pinned by exact tag to the
# Node the repository runs (package.json's `node` devDependency, 24.21.0). Pin it by digest as well
# (`node:24.21.0-bookworm-slim@sha256:…`) where a registry is reachable: no digest could be fetched
# on the machine this file was written on, so none is written here rather than an unchecked one.
ARG NODE_BASE=node:24.21.0-bookworm-slim

# ---- build: every dependency, then dist/ --------------------------------------------------------
FROM ${NODE_BASE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY tools/build.mjs tools/swc.config.cjs tools/
COPY apps/ apps/
COPY libs/ libs/
# The web console too (Vite, from apps/console): the gateway serves it at /console from
# dist/apps/console (CONSOLE_DIR), so the image an operator runs has the console the README shows.
RUN node tools/build.mjs && node tools/build.mjs --console

# ---- runtime: production dependencies, dist/, and the documents the gateway serves --------------
FROM ${NODE_BASE} AS runtime
ENV NODE_ENV=production \
    TMPDIR=/tmp \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; the npm cache is dropped so it does not ride along in the layer.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist/apps/ dist/apps/
COPY --from=build /src/dist/libs/ dist/libs/
# The gateway reads these at run time, relative to its working directory (ASYNCAPI_PATH and
# SERVICE_API_DOCS_DIR in apps/gateway/src/config.ts): the services' OpenAPI documents it composes and
# routes from, and the AsyncAPI document it serves at /api/v1/events/catalog.
COPY docs/api/*.json docs/api/
COPY docs/asyncapi.yaml docs/
COPY deploy/compose/bootstrap.mjs deploy/compose/
COPY --chmod=0555 tools/images/entrypoint.sh tools/images/
# Everything under /app belongs to root (npm ran as root, COPY writes root's files), so the app's user
# can change none of it; with a read-only root filesystem the only place written is /tmp (mount a
# tmpfs there). No recursive chown/chmod: it would copy node_modules into one more layer.

# A numeric user that exists nowhere else, so `runAsNonRoot` can verify it without /etc/passwd.
USER 10001:10001

# No curl in slim images: Node itself asks the app's liveness route. PORT is the app's (set per app).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live',{signal:AbortSignal.timeout(2500)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["/app/tools/images/entrypoint.sh"]
CMD ["help"]
