/**
 * What every service's OpenAPI document shares: the problem schema on every refusal, the
 * bearer-JWT security scheme on every operation that needs a token, concrete media types.
 */
package io.tally.service.docs;
