#!/usr/bin/env bash
# The broker's health check (docker-compose.yml): it answers the admin on the BROKER listener. The check's own JVM
# gets a small heap instead of the broker's.
set -euo pipefail
. "$(dirname "$0")/admin.sh"

config=$(admin_client_config)
trap 'rm -f "$config"' EXIT
KAFKA_HEAP_OPTS=-Xmx64m "$KAFKA_BIN/kafka-broker-api-versions.sh" --bootstrap-server localhost:9094 \
    --command-config "$config" > /dev/null
