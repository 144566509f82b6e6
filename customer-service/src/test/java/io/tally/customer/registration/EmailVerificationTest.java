package io.tally.customer.registration;

import io.tally.customer.customer.VerificationTokenException;
import io.tally.customer.customer.VerifyCustomerEmailCommand;
import io.tally.service.security.Secrets;
import io.tally.service.web.Dispatcher;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** Following a verification link: which tokens reach the customer, and which are refused before. */
class EmailVerificationTest {

    private static final String CUSTOMER_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";
    private static final String SECRET = "the-secret-in-the-mail";

    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private final EmailVerification verification = new EmailVerification(dispatcher);

    @Test
    void theMailedTokenReachesItsCustomerAsTheSecretsDigest() {
        verification.verify(EmailVerification.token(CUSTOMER_ID, SECRET));

        verify(dispatcher).send(new VerifyCustomerEmailCommand(CUSTOMER_ID, Secrets.sha256(SECRET)), null);
    }

    @Test
    void theTokenIsTrimmedAndItsIdReadInCanonicalForm() {
        verification.verify("  " + CUSTOMER_ID.toUpperCase() + "." + SECRET + "\n");

        verify(dispatcher).send(new VerifyCustomerEmailCommand(CUSTOMER_ID, Secrets.sha256(SECRET)), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "not-a-uuid.secret", ".secret", "6f1c2a7e-0d4b-4c55-9a3e.secret"})
    void aTokenThatNamesNoCustomerIsInvalidAndReachesNobody(String token) {
        assertInvalid(token);
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aTokenOfAnUnknownCustomerIsInvalid() {
        doThrow(new AggregateNotFoundException(CUSTOMER_ID, "none")).when(dispatcher).send(any(), isNull());

        assertInvalid(EmailVerification.token(CUSTOMER_ID, SECRET));
    }

    @Test
    void theCustomersOwnRefusalPassesUnchanged() {
        doThrow(new VerificationTokenException("token_used", "The email address is already verified."))
                .when(dispatcher).send(any(), isNull());

        VerificationTokenException refusal = catchThrowableOfType(VerificationTokenException.class,
                () -> verification.verify(EmailVerification.token(CUSTOMER_ID, SECRET)));
        assertThat(refusal.code()).isEqualTo("token_used");
    }

    private void assertInvalid(String token) {
        VerificationTokenException refusal = catchThrowableOfType(VerificationTokenException.class,
                () -> verification.verify(token));
        assertThat(refusal.code()).isEqualTo("token_invalid");
        assertThat(refusal.field()).isEqualTo("token");
        assertThat(refusal).hasMessage("The verification token is not valid.");
    }
}
