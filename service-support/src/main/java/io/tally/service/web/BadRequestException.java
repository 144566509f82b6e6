package io.tally.service.web;

/** A request parameter that breaks a rule of the API itself (paging, sorting, filters). */
public class BadRequestException extends RuntimeException {

    private final String field;
    private final String rule;

    public BadRequestException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
