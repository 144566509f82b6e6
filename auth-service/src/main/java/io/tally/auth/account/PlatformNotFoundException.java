package io.tally.auth.account;

import io.tally.service.web.DomainException;

/** An admin for a platform that does not exist (or an id that is not a platform's). */
final class PlatformNotFoundException extends DomainException {

    PlatformNotFoundException(String platformId) {
        super(Kind.NOT_FOUND, "platform_not_found", null, "No platform " + platformId + ".");
    }
}
