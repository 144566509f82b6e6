/**
 * The RSA keys that sign access tokens: generated and kept in the auth database, rotated on demand or by age,
 * and served as the JWKS every service checks tokens against.
 */
package io.tally.auth.keys;
