/**
 * Public registration through an invitation link: the Registration aggregate from submission to
 * customer-service's decision (or to the deadline, when nobody decides in time), its status resource,
 * auth-service's view of invitations and the pending password.
 */
package io.tally.auth.registration;
