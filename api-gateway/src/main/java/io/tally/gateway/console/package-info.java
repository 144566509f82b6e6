/**
 * The web console served at /: its files, the fallback to index.html for its routes, caching and the security
 * headers.
 */
package io.tally.gateway.console;
