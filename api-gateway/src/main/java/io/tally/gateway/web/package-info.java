/** What every answer shares: the client address, the correlation id and problems (RFC 7807) for every failure. */
package io.tally.gateway.web;
