#!/usr/bin/env bash
# Builds the front end into the directory given as $1 (the jar's META-INF/resources).
# Called by Maven (exec-maven-plugin); uses the machine's node and npm, never a downloaded toolchain.
set -euo pipefail
out="${1:?usage: build.sh OUTPUT_DIR}"
cd "$(dirname "$0")"
command -v node >/dev/null || { echo "web-ui: node is not installed (Node 20+ from Debian or nodejs.org)" >&2; exit 1; }
stamp=node_modules/.vigil-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat $stamp)" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
npx vite build --outDir "$out" --emptyOutDir --logLevel warn
