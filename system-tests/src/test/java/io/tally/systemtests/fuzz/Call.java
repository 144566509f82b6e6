package io.tally.systemtests.fuzz;

import io.tally.systemtests.fuzz.ApiDocument.Operation;

import java.util.Map;

/**
 * One generated request: the operation it aims at, who sends it, the path and query as sent, its
 * headers (the token is added when it is sent), its body, and what is certainly wrong with it.
 *
 * @param otherFaults whether something besides the body is wrong on purpose (a junk query parameter,
 *                    a missing or malformed Idempotency-Key), which a 400 may name instead of the body's field
 */
record Call(Operation operation, Caller caller, String path, String query, Map<String, String> headers, String body,
            Fault fault, boolean otherFaults) {

    /** Who sends a request. */
    enum Caller {
        /** The fuzz platform's admin. */
        ADMIN,
        /** The provider operator. */
        PROVIDER,
        /** A customer of the fuzz platform, on its own token. */
        CUSTOMER,
        /** Nobody: no Authorization header. */
        NONE,
        /** An admin of the fuzz platform signed in for this request alone, for the operations that end sessions. */
        LEAVER
    }

    /**
     * What is certainly wrong with the body, as the document or the strict-input rules have it: nothing
     * ({@code field} null, kind NONE), one field (FIELD: a 400 must name it), or the body as a whole (BODY).
     */
    record Fault(Kind kind, String field) {

        enum Kind { NONE, FIELD, BODY }

        static final Fault NONE = new Fault(Kind.NONE, null);
        static final Fault BODY = new Fault(Kind.BODY, null);

        static Fault field(String field) {
            return new Fault(Kind.FIELD, field);
        }

        boolean certain() {
            return kind != Kind.NONE;
        }

        @Override
        public String toString() {
            return kind == Kind.FIELD ? "FIELD " + field : kind.name();
        }
    }

    String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    @Override
    public String toString() {
        return operation + " as " + caller + ": " + operation.method() + " " + pathAndQuery() + " " + headers
                + (body == null ? "" : " body " + Wire.abbreviated(body, 400)) + " — fault: " + fault
                + (otherFaults ? " (and junk outside the body)" : "");
    }
}
