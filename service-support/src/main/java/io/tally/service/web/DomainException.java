package io.tally.service.web;

/**
 * A request refused because it breaks a rule. {@code code} names the rule (snake case, stable:
 * clients switch on it), {@code field} the request field at fault when there is one.
 */
public abstract class DomainException extends RuntimeException {

    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        /** Well-formed, but cannot be processed as it stands (422): e.g. a reused idempotency key. */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final String field;

    protected DomainException(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
