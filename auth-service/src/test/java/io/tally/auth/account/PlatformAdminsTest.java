package io.tally.auth.account;

import io.tally.auth.account.PlatformAdmins.NewAdmin;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The provider gives a platform an admin whose password the service chooses. */
class PlatformAdminsTest {

    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final Caller PROVIDER = new Caller("7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a", "PROVIDER", null);

    private Dispatcher dispatcher;
    private PlatformAdmins admins;

    @BeforeEach
    void setUp() {
        dispatcher = mock(Dispatcher.class);
        PasswordEncoder passwordEncoder = mock(PasswordEncoder.class);
        when(passwordEncoder.encode(anyString())).thenAnswer(call -> "{test}" + call.getArgument(0));
        admins = new PlatformAdmins(dispatcher, passwordEncoder);
    }

    @Test
    void theAdminGetsAGeneratedPasswordOfWhichOnlyTheHashIsSent() {
        NewAdmin admin = admins.create(PROVIDER, PLATFORM_ID.toUpperCase(), "  Ada@Example.com ");

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(dispatcher).send(sent.capture(), eq(PROVIDER));
        assertThat(sent.getValue()).isEqualTo(new CreateAccountCommand(admin.adminId(), AccountRole.PLATFORM_ADMIN,
                PLATFORM_ID, "Ada@Example.com", "{test}" + admin.password()));
        assertThat(admin.platformId()).isEqualTo(PLATFORM_ID);
        assertThat(admin.email()).isEqualTo("Ada@Example.com");
        assertThat(admin.password()).hasSize(GeneratedPasswords.LENGTH)
                .matches("[" + GeneratedPasswords.ALPHABET + "]+");
    }

    @Test
    void aPlatformIdThatIsNoUuidIsNoPlatform() {
        assertThatThrownBy(() -> admins.create(PROVIDER, "acme", "ada@example.com"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("platform_not_found"));

        verifyNoInteractions(dispatcher);
    }
}
