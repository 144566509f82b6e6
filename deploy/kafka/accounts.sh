#!/usr/bin/env bash
# Each Tally process's own Kafka user (SCRAM-SHA-512, named as the process) and no more rights than it needs: every
# service creates and checks the three topics at start-up, writes its own topic alone and reads what it consumes; the
# gateway reads the ended sessions. Run by the kafka-init service (docker-compose.yml) as the broker's admin before
# the services start; run again, it sets the same passwords and rights.
set -euo pipefail
. "$(dirname "$0")/admin.sh"

readonly BOOTSTRAP=kafka:9094
readonly CUSTOMER_EVENTS=tally.customer.events
readonly LEDGER_EVENTS=tally.ledger.events
readonly AUTH_EVENTS=tally.auth.events

# A password goes into a SCRAM configuration ("[password=...]") and a JAAS line: letters, digits, '-' and '_' only,
# and not short.
for variable in TALLY_KAFKA_ADMIN_PASSWORD TALLY_KAFKA_CUSTOMER_PASSWORD TALLY_KAFKA_LEDGER_PASSWORD \
        TALLY_KAFKA_AUTH_PASSWORD TALLY_KAFKA_GATEWAY_PASSWORD; do
    if [[ ! "${!variable:-}" =~ ^[A-Za-z0-9_-]{16,}$ ]]; then
        echo "$variable must be at least 16 letters, digits, '-' or '_' (for example: openssl rand -hex 24)" >&2
        exit 1
    fi
done

config=$(admin_client_config)
trap 'rm -f "$config"' EXIT
export KAFKA_HEAP_OPTS=-Xmx128m

user() { # name password
    "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --alter \
        --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}

allow() { # user, then operations and topics as kafka-acls.sh takes them
    local principal=$1
    shift
    "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add \
        --allow-principal "User:$principal" "$@" > /dev/null
}

# A service: its user; it creates (or finds) and checks every topic; publishes, idempotently, to its own topic; reads
# the topics it consumes.
service() { # name password own-topic consumed-topic...
    local name=$1 password=$2 own=$3
    shift 3
    user "$name" "$password"
    allow "$name" --operation Create --operation Describe --operation DescribeConfigs \
        --topic "$CUSTOMER_EVENTS" --topic "$LEDGER_EVENTS" --topic "$AUTH_EVENTS"
    allow "$name" --operation Write --topic "$own"
    allow "$name" --operation IdempotentWrite --cluster
    local consumed=()
    for topic; do
        consumed+=(--topic "$topic")
    done
    allow "$name" --operation Read "${consumed[@]}"
    echo "Kafka user $name: writes $own, reads $*"
}

service customer-service "$TALLY_KAFKA_CUSTOMER_PASSWORD" "$CUSTOMER_EVENTS" "$AUTH_EVENTS" "$LEDGER_EVENTS"
service credit-ledger-service "$TALLY_KAFKA_LEDGER_PASSWORD" "$LEDGER_EVENTS" "$CUSTOMER_EVENTS" "$AUTH_EVENTS"
service auth-service "$TALLY_KAFKA_AUTH_PASSWORD" "$AUTH_EVENTS" "$CUSTOMER_EVENTS"

user api-gateway "$TALLY_KAFKA_GATEWAY_PASSWORD"
allow api-gateway --operation Read --topic "$AUTH_EVENTS"
echo "Kafka user api-gateway: reads $AUTH_EVENTS"
