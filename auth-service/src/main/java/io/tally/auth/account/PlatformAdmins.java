package io.tally.auth.account;

import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Ids;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * The provider gives a platform an admin: the service chooses the admin's password, keeps only its hash and shows
 * the password once. Whether the platform exists and the username is free is the account's to decide.
 */
@Service
class PlatformAdmins {

    private final Dispatcher dispatcher;
    private final PasswordEncoder passwordEncoder;

    PlatformAdmins(Dispatcher dispatcher, PasswordEncoder passwordEncoder) {
        this.dispatcher = dispatcher;
        this.passwordEncoder = passwordEncoder;
    }

    /** The new admin of the platform; {@code password} is shown in this answer only. */
    record NewAdmin(String platformId, String adminId, String email, String password) {
    }

    /** {@code platformId} as the route names it: anything but a platform's id is not found. */
    NewAdmin create(Caller caller, String platformId, String email) {
        String platform = canonicalUuid(platformId);
        String adminId = UUID.randomUUID().toString();
        String username = email.strip();
        String password = GeneratedPasswords.next();
        dispatcher.send(new CreateAccountCommand(adminId, AccountRole.PLATFORM_ADMIN, platform, username,
                passwordEncoder.encode(password)), caller);
        return new NewAdmin(platform, adminId, username, password);
    }

    private static String canonicalUuid(String platformId) {
        return Ids.canonicalOr(platformId, PlatformNotFoundException::new);
    }
}
