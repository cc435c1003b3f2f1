# syntax=docker/dockerfile:1
# Build stage: dev dependencies, the TypeScript build, and sqlite3 compiled for this image.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY adapters ./adapters
COPY config ./config
COPY test/support ./test/support
COPY test/bench ./test/bench
RUN npm run build && npm prune --omit=dev --ignore-scripts

# Run stage: production dependencies and the build only, as an unprivileged user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/config ./config
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# The SQLite store (seen articles, feed state, subscriptions) lives here: keep it on a volume.
VOLUME ["/app/data"]
ENV REGWATCH_STORE=sqlite:///app/data/regwatch.sqlite
STOPSIGNAL SIGTERM
# The operations endpoint (/healthz, /readyz, /metrics) listens inside the container; `health` asks /readyz:
# ready when the store answers and, on the leader, the last poll succeeded recently.
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=15s --start-period=1m \
  CMD ["node", "bin/regwatch.js", "health"]
CMD ["node", "bin/regwatch.js", "run"]
