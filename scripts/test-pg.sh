#!/usr/bin/env bash
# The whole test suite against a real PostgreSQL server started on loopback for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
url=$(bash scripts/start-postgres.sh "${PGTEST_DIR:-/tmp/csinsight-test-pg}" "${PGTEST_PORT:-55433}")
DATABASE_URL="$url" npx tsx scripts/test.ts "$@"
