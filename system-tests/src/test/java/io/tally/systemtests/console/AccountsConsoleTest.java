package io.tally.systemtests.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tally.systemtests.support.BrowserTest;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Sessions, new customers and the customer's own console, in the browser. */
class AccountsConsoleTest extends BrowserTest {

    @Test
    void aResetPasswordLetsTheCustomerInAndADisableEndsTheirOpenPage() {
        Platform platform = console.newPlatform("70.00");
        String email = Console.uniqueEmail("reset");
        String customer = console.createCustomer(platform, email, "Reset Team");
        assertThat(console.refill(platform, customer, "12.50", "reset-r1").status()).isEqualTo(200);
        console.awaitCustomer(platform, customer, row -> "12.50".equals(row.path("balance").asText()));
        Page admin = signedInAdmin(platform);

        admin.getByRole(AriaRole.BUTTON, named("Actions for " + email)).click();
        admin.getByRole(AriaRole.MENUITEM, named("Reset Password")).click();
        assertThat(admin.getByRole(AriaRole.MENU)).hasCount(0);
        admin.getByRole(AriaRole.BUTTON, named("Generate New Password")).click();
        Locator password = admin.getByRole(AriaRole.TEXTBOX, named("New password"));
        assertThat(password).hasValue(Pattern.compile(".{20}"));
        String generated = password.inputValue();
        String address = admin.getByRole(AriaRole.TEXTBOX, named("Sign-in address to send with it")).inputValue();
        assertThat(address).endsWith("/p/" + platform.id() + "/sign-in");
        assertThat(admin.getByRole(AriaRole.BUTTON, named("Copy password"))).isVisible();
        screenshot(admin, "reset-password");
        assertAccessible(admin, "Reset Password");
        admin.getByRole(AriaRole.BUTTON, named("Confirm New Password")).click();
        assertThat(admin.getByText(Pattern.compile("This is now the customer's password"))).isVisible();
        admin.getByRole(AriaRole.BUTTON, named("Done")).click();

        Page customerPage = newPage();
        customerPage.navigate(address);
        assertThat(customerPage.getByRole(AriaRole.HEADING, named("Sign in to your platform"))).isVisible();
        signIn(customerPage, "Email", email, generated);
        assertThat(customerPage.getByRole(AriaRole.HEADING, named("My account"))).isVisible();
        assertThat(customerPage.getByText("12.50 USD")).isVisible();
        assertThat(customerPage.getByRole(AriaRole.TABLE, named("Ledger entries, newest first"))).containsText("12.50");
        screenshot(customerPage, "my-account");
        assertAccessible(customerPage, "My account");

        customerPage.reload();
        // A reload keeps the session, through the refresh cookie.
        assertThat(customerPage.getByRole(AriaRole.HEADING, named("My account"))).isVisible();

        admin.getByRole(AriaRole.BUTTON, named("Actions for " + email)).click();
        admin.getByRole(AriaRole.MENUITEM, named("Disable")).click();
        admin.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Disable").setExact(true)).click();
        long disabledAt = System.nanoTime();
        assertThat(admin.getByText("The customer is now OFF.")).isVisible();
        assertThat(customerPage.getByText("Your session has ended. Sign in again."))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(4_000));
        long endedAfterMillis = (System.nanoTime() - disabledAt) / 1_000_000;
        assertThat(endedAfterMillis).as("the open page ended after %s ms", endedAfterMillis).isLessThan(2_500);
        assertThat(customerPage).hasURL(Pattern.compile("/p/" + platform.id() + "/sign-in"));
        signIn(customerPage, "Email", email, generated);
        assertThat(customerPage.getByRole(AriaRole.ALERT)
                .filter(new Locator.FilterOptions().setHasText("This account is disabled"))).isVisible();
    }

    @Test
    void anInviteeRegistersOnTheLinkAndVerifiesThroughTheMailedLink() {
        Platform platform = console.newPlatform("70.00");
        Page admin = signedInAdmin(platform);
        String invitee = Console.uniqueEmail("invitee");

        admin.getByRole(AriaRole.BUTTON, named("Invite Customer")).click();
        admin.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Email"))).fill(invitee);
        admin.getByRole(AriaRole.BUTTON, named("Create link")).click();
        Locator link = admin.getByRole(AriaRole.TEXTBOX, named("Invitation link"));
        assertThat(link).hasValue(Pattern.compile("/register\\?invitation="));
        screenshot(admin, "invite-customer");
        assertAccessible(admin, "Invite Customer");
        String invitation = link.inputValue();
        admin.getByRole(AriaRole.BUTTON, named("Done")).click();

        Page page = newPage();
        page.navigate(invitation);
        assertThat(page.getByRole(AriaRole.HEADING, named("Register"))).isVisible();
        assertThat(page.getByText(Pattern.compile("12 to 128 characters"))).isVisible();
        page.getByRole(AriaRole.TEXTBOX, named("Email")).fill(invitee);
        page.getByRole(AriaRole.TEXTBOX, named("Team name")).fill("Invited Team");
        page.getByLabel(Pattern.compile("^Password")).fill("short");
        page.getByRole(AriaRole.BUTTON, named("Register")).click();
        assertThat(page.getByLabel(Pattern.compile("^Password")))
                .hasAccessibleDescription(Pattern.compile("at least 12|12 to 128"));
        page.getByLabel(Pattern.compile("^Password")).fill("a-long-enough-passphrase-42");
        page.getByRole(AriaRole.BUTTON, named("Register")).click();
        assertThat(page.getByText("Registration received. We are completing it.")).isVisible();
        assertThat(page.getByText(Pattern.compile("Your account is ready")))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        screenshot(page, "register");
        assertAccessible(page, "Register");

        String token = console.verificationTokenMailedTo(invitee);
        Page verify = newPage();
        verify.navigate("/verify-email?token=" + token);
        assertThat(verify.getByText("Your email address is verified.")).isVisible();
        screenshot(verify, "verify-email");
        assertAccessible(verify, "Verify email");
        verify.reload();
        assertThat(verify.getByText(Pattern.compile("could not be verified"))).isVisible();

        Page reuse = newPage();
        reuse.navigate(invitation);
        reuse.getByRole(AriaRole.TEXTBOX, named("Email")).fill(invitee);
        reuse.getByRole(AriaRole.TEXTBOX, named("Team name")).fill("Twice");
        reuse.getByLabel(Pattern.compile("^Password")).fill("a-long-enough-passphrase-42");
        reuse.getByRole(AriaRole.BUTTON, named("Register")).click();
        assertThat(reuse.getByRole(AriaRole.ALERT)).containsText("already used");

        admin.getByRole(AriaRole.LINK, named("Invitations")).click();
        assertThat(admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(invitee)))
                .containsText("Accepted");
    }

    @Test
    void aLinkTriedWithTakenAddressesLocksWithoutTellingItsHolder() {
        Platform platform = console.newPlatform("70.00");
        List<String> taken = List.of(Console.uniqueEmail("taken-a"), Console.uniqueEmail("taken-b"),
                Console.uniqueEmail("taken-c"));
        taken.forEach(email -> console.createCustomer(platform, email, "Existing Team"));
        Page admin = signedInAdmin(platform);
        admin.getByRole(AriaRole.BUTTON, named("Invite Customer")).click();
        admin.getByRole(AriaRole.BUTTON, named("Create link")).click();
        String invitation = admin.getByRole(AriaRole.TEXTBOX, named("Invitation link")).inputValue();
        admin.getByRole(AriaRole.BUTTON, named("Done")).click();

        for (String email : taken) {
            Page page = register(invitation, email);
            // A taken address reads as a registered one.
            assertThat(page.getByText(Pattern.compile("Your account is ready")))
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
            if (email.equals(taken.get(0))) {
                screenshot(page, "register-taken-address");
            }
        }
        Page fourth = register(invitation, Console.uniqueEmail("fourth"));
        assertThat(fourth.getByText(Pattern.compile("already used")))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));

        admin.getByRole(AriaRole.LINK, named("Invitations")).click();
        choose(admin, "Status", "Locked");
        Locator locked = admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("anyone"));
        assertThat(locked).containsText("Locked");
        assertThat(locked).containsText("after 3 registrations for taken addresses");
        screenshot(admin, "invitations-locked");
        assertAccessible(admin, "Invitations, a locked link");
    }

    private Page register(String invitation, String email) {
        Page page = newPage();
        page.navigate(invitation);
        page.getByRole(AriaRole.TEXTBOX, named("Email")).fill(email);
        page.getByRole(AriaRole.TEXTBOX, named("Team name")).fill("Hopeful Team");
        page.getByLabel(Pattern.compile("^Password")).fill("a-long-enough-passphrase-42");
        page.getByRole(AriaRole.BUTTON, named("Register")).click();
        return page;
    }

    @Test
    void anAdminCreatesACustomerAndRevokesAnInvitationThenSignsOut() {
        Platform platform = console.newPlatform("70.00");
        Page admin = signedInAdmin(platform);
        String email = Console.uniqueEmail("created");

        admin.getByRole(AriaRole.BUTTON, named("New Customer Account")).click();
        admin.getByRole(AriaRole.TEXTBOX, named("Email")).fill("not-an-email");
        admin.getByRole(AriaRole.TEXTBOX, named("Team name")).fill("Created Team");
        admin.getByRole(AriaRole.BUTTON, named("Create")).click();
        assertThat(admin.getByRole(AriaRole.TEXTBOX, named("Email"))).hasAccessibleDescription(Pattern.compile("email"));
        admin.getByRole(AriaRole.TEXTBOX, named("Email")).fill(email);
        admin.getByRole(AriaRole.BUTTON, named("Create")).click();
        assertThat(admin.getByRole(AriaRole.DIALOG).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(email).setExact(true))).isVisible();
        screenshot(admin, "new-customer-account");
        admin.getByRole(AriaRole.BUTTON, named("Done")).click();
        assertThat(admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(email))).isVisible();

        admin.getByRole(AriaRole.BUTTON, named("Invite Customer")).click();
        admin.getByRole(AriaRole.BUTTON, named("Create link")).click();
        assertThat(admin.getByRole(AriaRole.TEXTBOX, named("Invitation link"))).isVisible();
        admin.getByRole(AriaRole.BUTTON, named("Done")).click();
        admin.getByRole(AriaRole.LINK, named("Invitations")).click();
        choose(admin, "Status", "Pending");
        admin.getByRole(AriaRole.BUTTON, named("Revoke invitation for anyone")).click();
        choose(admin, "Status", "Revoked");
        assertThat(admin.getByRole(AriaRole.ROW)).hasCount(2);
        screenshot(admin, "invitations");
        assertAccessible(admin, "Invitations");

        admin.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        assertThat(admin.getByText("You have signed out.")).isVisible();
        admin.navigate("/customers");
        assertThat(admin.getByRole(AriaRole.HEADING, named("Sign in to Tally"))).isVisible();
        assertAccessible(admin, "Sign in");
        screenshot(admin, "sign-in");
    }
}
