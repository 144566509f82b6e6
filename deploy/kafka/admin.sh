# Sourced by the other scripts here: the broker's admin as a client of the BROKER listener (SASL/PLAIN), the one
# identity that may create users and ACLs. Its password is TALLY_KAFKA_ADMIN_PASSWORD (docker-compose.yml).

readonly KAFKA_BIN=/opt/kafka/bin

# Writes the admin's client configuration to a new file and prints its name; the caller removes it.
admin_client_config() {
    local config
    config=$(mktemp)
    chmod 600 "$config"
    cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${TALLY_KAFKA_ADMIN_PASSWORD:?}";
PROPERTIES
    echo "$config"
}
