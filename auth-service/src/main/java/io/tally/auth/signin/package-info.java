/** Signing in, refreshing a session and signing out: the one use case that decides who gets a session. */
package io.tally.auth.signin;
