/**
 * Every service defends itself, whatever reached its port: its token decoder is made to check the access-token rules
 * and the ended sessions of the access-tokens module (io.tally.tokens, shared with the gateway), followed on
 * tally.auth.events (auth-service reads its own store), refusing every token until they are read; forwarding headers
 * count only from a trusted proxy. Also the bearer secrets (link and refresh tokens) and their digests.
 */
package io.tally.service.security;
