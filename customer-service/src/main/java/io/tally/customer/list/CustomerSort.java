package io.tally.customer.list;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A sortable column of the list, its key column and how a cursor value is read back into SQL. */
record CustomerSort(Field field, boolean descending) {

    public static final CustomerSort DEFAULT = new CustomerSort(Field.REGISTRATION_TIME, true);

    public enum Field {
        ACCOUNT("account", "account_key", "text"),
        TEAM_NAME("teamName", "team_name_key", "text"),
        TEAM_TYPE("teamType", "team_type", "text"),
        ID("id", "customer_id", "uuid"),
        BALANCE("balance", "balance_minor", "bigint"),
        CREDITS("credits", "credits_minor", "bigint"),
        COMPANY_NAME("companyName", "company_name_key", "text"),
        STATE("state", "state", "text"),
        TAGS("tags", "tags_key", "text"),
        REGISTRATION_TIME("registrationTime", "registered_at", "timestamptz");

        private final String apiName;
        private final String column;
        private final String sqlType;

        Field(String apiName, String column, String sqlType) {
            this.apiName = apiName;
            this.column = column;
            this.sqlType = sqlType;
        }

        public String apiName() {
            return apiName;
        }

        String column() {
            return column;
        }

        /** The key as text for a cursor; instants in ISO-8601, independent of the session's time zone. */
        String keyText() {
            return "timestamptz".equals(sqlType)
                    ? "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                    : column + "::text";
        }

        /** The placeholder for a cursor value, cast to the key column's type. */
        String parameter() {
            return "text".equals(sqlType) ? "? COLLATE \"C\"" : "?::" + sqlType;
        }

        /** Whether a cursor's key could have been written by this column, so that SQL never sees a forged one. */
        public boolean accepts(String key) {
            try {
                switch (sqlType) {
                    case "bigint" -> Long.parseLong(key);
                    case "uuid" -> UUID.fromString(key);
                    case "timestamptz" -> Instant.parse(key);
                    default -> {
                        return key.codePoints().noneMatch(c -> c == 0);
                    }
                }
                return true;
            } catch (RuntimeException malformed) {
                return false;
            }
        }

        /** The field named as in the sort parameter; {@code registeredAt}, the name in the rows, works too. */
        public static Optional<Field> byApiName(String name) {
            if ("registeredAt".equalsIgnoreCase(name)) {
                return Optional.of(REGISTRATION_TIME);
            }
            return Arrays.stream(values()).filter(f -> f.apiName.equalsIgnoreCase(name)).findFirst();
        }
    }

    /** Parses {@code field,dir} as in {@code balance,desc}; the direction defaults to ascending. */
    public static Optional<CustomerSort> parse(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            return Optional.empty();
        }
        return Field.byApiName(parts[0].strip()).map(f -> new CustomerSort(f, direction.equals("desc")));
    }

    public String asParameter() {
        return field.apiName + "," + (descending ? "desc" : "asc");
    }
}
