package io.tally.ledger.directory;

import io.tally.service.web.DomainException;

/** No platform the ledger knows by this id. */
public final class PlatformNotFoundException extends DomainException {

    public PlatformNotFoundException(String platformId) {
        super(Kind.NOT_FOUND, "platform_not_found", null, "No platform " + platformId + ".");
    }
}
