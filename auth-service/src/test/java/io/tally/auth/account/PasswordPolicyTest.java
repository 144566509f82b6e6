package io.tally.auth.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private static void assertRefused(String password, String email, String code) {
        assertThatThrownBy(() -> PasswordPolicy.check("password", password, email))
                .isInstanceOf(WeakPasswordException.class)
                .satisfies(e -> {
                    assertThat(((WeakPasswordException) e).code()).isEqualTo(code);
                    assertThat(((WeakPasswordException) e).field()).isEqualTo("password");
                });
    }

    @Test
    void twelveToOneHundredTwentyEightCharactersAreAccepted() {
        assertThatCode(() -> PasswordPolicy.check("password", "plum-otter-42", "eve@example.com"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "x7".repeat(64), null)).doesNotThrowAnyException();
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertThatCode(() -> PasswordPolicy.check("password", "日本語のパスワードです十二", null))
                .doesNotThrowAnyException();
        assertRefused("\uD83D\uDD11".repeat(11), null, "password_too_short");
    }

    @Test
    void tooShortTooLongOrMissingIsRefused() {
        assertRefused("elevenchars", null, "password_too_short");
        assertRefused(null, null, "password_too_short");
        assertRefused("x".repeat(129), null, "password_too_long");
    }

    @Test
    void theEmailIsNotAPasswordWhateverItsCase() {
        assertRefused("Eve.Long@Example.com", "eve.long@example.com", "password_is_email");
    }

    @Test
    void commonPasswordsAreRefusedIgnoringCase() {
        assertRefused("Password1234", null, "password_too_common");
        assertRefused("QWERTYUIOP123", null, "password_too_common");
        assertThat(PasswordPolicy.isCommon("correct horse battery staple")).isTrue();
    }
}
