package io.tally.tokens;

import java.util.function.Predicate;

/**
 * What Spring Security's firewalls let through in a header's name and value and in a query parameter's name: every
 * code point assigned in Unicode and none a control character, a tab allowed in a value. The rules are the firewalls'
 * own ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and with {@code \t} for values), written as a loop over the text
 * instead of a regular expression. The firewalls check a header every time it is read, and Java's regular
 * expressions walked a long bearer token character by character through a chain of composed predicates: about half
 * of credit-ledger-service's samples in a profile under writes through the gateway. Printable ASCII, nearly
 * every header, is decided by one comparison per character. The gateway's and the services' firewalls share it.
 */
public final class HeaderText {

    /** A header's or a query parameter's name: assigned, no control character. */
    public static final Predicate<String> NAMES = text -> allowed(text, false);

    /** A header's value: assigned, no control character but the tab. */
    public static final Predicate<String> VALUES = text -> allowed(text, true);

    private HeaderText() {
    }

    /** An absent header ({@code null}) has nothing to refuse: the reactive firewall asks about those too. */
    private static boolean allowed(String text, boolean tab) {
        if (text == null) {
            return true;
        }
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                return allowedFrom(text, i, tab);
            }
        }
        return true;
    }

    /** The rest of the text, code point by code point (a lone surrogate counts as one, as the expression takes it). */
    private static boolean allowedFrom(String text, int from, boolean tab) {
        for (int i = from, length = text.length(); i < length; ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
