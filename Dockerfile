# Shardline's container images, one target each (docker-compose.yml builds all three):
#   docker build --target engine   -t shardline-engine .    the engine; also runs the migrations
#   docker build --target console  -t shardline-console .   the web console and REST API
#   docker build --target emulator -t shardline-kinesis .   a local Kinesis (kinesis-local)
# The final images hold production files only and run as the unprivileged `node` user.
# Choices and how to run them: docs/docker.md.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# The same offline Prisma path as everywhere else: the JS engine, no native engine to download.
ENV PRISMA_QUERY_ENGINE_LIBRARY=/bin/false \
    CHECKPOINT_DISABLE=1 \
    NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
WORKDIR /app

# The lockfile and every workspace's manifest: the install layers below are rebuilt only when
# one of these changes, not on every source edit.
FROM base AS manifests
COPY package.json package-lock.json ./
COPY apps/console/package.json apps/console/
COPY apps/engine/package.json apps/engine/
COPY packages/alerts/package.json packages/alerts/
COPY packages/capture/package.json packages/capture/
COPY packages/cli/package.json packages/cli/
COPY packages/config/package.json packages/config/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/delivery/package.json packages/delivery/
COPY packages/health/package.json packages/health/
COPY packages/kinesis/package.json packages/kinesis/
COPY packages/local-kinesis/package.json packages/local-kinesis/
COPY packages/local-postgres/package.json packages/local-postgres/
COPY packages/metrics/package.json packages/metrics/
COPY packages/start/package.json packages/start/
COPY packages/testing/package.json packages/testing/
COPY packages/transforms/package.json packages/transforms/
COPY bench/package.json bench/

# Every dependency, to build with. Dependencies' own install scripts stay off, as npm 11 keeps
# them off by default (Prisma's would download engines the JS path does not use); the
# repository's postinstall (patch-package, then prisma generate) runs explicitly.
FROM manifests AS deps
COPY patches patches
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm ci --ignore-scripts && npm run postinstall

FROM deps AS build
COPY . .
# The console as a standalone server: only the files it uses, node_modules included.
RUN SHARDLINE_CONSOLE_STANDALONE=true npm run build

# The engine's production dependencies alone (not the console's, nor the dev tools). The
# workspace packages are bundled into dist/main.js, so their links (to folders holding only a
# package.json here) go.
FROM manifests AS engine-deps
RUN npm ci --ignore-scripts --omit=dev --workspace @shardline/engine && rm -rf node_modules/@shardline
# Packages patched by patch-package (patches/), taken patched from the full install. Without
# this patch, migrations fail reading Postgres `name` columns.
COPY --from=deps /app/node_modules/@prisma/adapter-pg node_modules/@prisma/adapter-pg

# The engine: `node dist/main.js`. With `npm run db:migrate` as its command it applies the
# migrations (the Prisma CLI is among the production dependencies, as @prisma/client's peer).
FROM base AS engine
ENV NODE_ENV=production
COPY --from=engine-deps /app/node_modules node_modules
COPY package.json prisma.config.ts ./
COPY prisma prisma
COPY apps/engine/package.json apps/engine/
COPY --from=build /app/apps/engine/dist apps/engine/dist
USER node
WORKDIR /app/apps/engine
# Metrics, /healthz and /readyz (SHARDLINE_ENGINE_PORT).
EXPOSE 9464
# The flags of apps/engine/src/node-flags.ts, as `npm start` runs it.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=32", "--heap-growing-percent=200", "dist/main.js"]

# The console: Next.js's standalone server and the static files it serves. HOSTNAME makes it
# listen on every interface of the container (Docker sets HOSTNAME to the container's id).
FROM base AS console
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build /app/apps/console/.next/standalone ./
COPY --from=build /app/apps/console/.next/static apps/console/.next/static
USER node
WORKDIR /app/apps/console
EXPOSE 3000
CMD ["node", "server.js"]

# A local Kinesis for trying Shardline without AWS: the kinesis-local version the tests use
# (it has no dependencies of its own). Plain HTTP on 4567; /healthcheck answers 200.
FROM base AS emulator
COPY --from=deps /app/node_modules/kinesis-local /opt/kinesis-local
ENV KINESIS_MOCK_CERT_PATH=/opt/kinesis-local/server.json \
    KINESIS_MOCK_PLAIN_PORT=4567 \
    KINESIS_MOCK_TLS_PORT=4568 \
    SHOULD_PERSIST_DATA=true \
    PERSIST_PATH=/data \
    LOG_LEVEL=WARN
RUN mkdir /data && chown node:node /data
USER node
WORKDIR /data
EXPOSE 4567
CMD ["node", "/opt/kinesis-local/main.js"]
