# coachloop in a container: `docker build -t coachloop .`, then run it with the variables of .env.example
# (compose.yaml runs two replicas on PostgreSQL). TypeScript runs through tsx: there is no build step.

# Dependencies are installed in a stage with a C++ tool chain: better-sqlite3 ships Node-API binaries for
# Node.js 22.14 and later, but its Node 20 variant (an optional dependency) builds from source, and a platform
# without a shipped binary builds too. Nothing of the tool chain reaches the image that runs.
FROM node:24-bookworm-slim AS dependencies
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/app/data/coachloop.db \
    PROGRAMS_DIR=/app/programs
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY programs ./programs
# The data folder (SQLite only; unused with PostgreSQL) belongs to the unprivileged user the server runs as.
RUN mkdir -p /app/data && chown node:node /app/data && chmod 700 /app/data
USER node
EXPOSE 3000
# npm passes SIGTERM on to the server, which stops claiming, finishes the sends under way within
# SHUTDOWN_TIMEOUT_MS and exits 0 (give the platform's stop timeout a few seconds more).
STOPSIGNAL SIGTERM
CMD ["npm", "start"]
