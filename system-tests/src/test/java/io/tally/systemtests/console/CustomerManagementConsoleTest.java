package io.tally.systemtests.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tally.systemtests.support.BrowserTest;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers > Customer Management as a platform admin walks it in the browser. */
class CustomerManagementConsoleTest extends BrowserTest {

    private static final List<String> SEED_COLUMNS = List.of("Customer account", "Team name", "Team type",
            "Internal Customer ID", "Balance", "Credits", "Company name", "State", "Tag", "Registration time", "Actions");

    @Test
    void theListHasTheSeedsColumnsFiltersInItsAddressSortsAndPages() {
        Platform platform = console.newPlatform("70.00");
        for (int i = 0; i < 30; i++) {
            console.createCustomer(platform, String.format("list-%02d-%s", i, Console.uniqueEmail("p")), "List Team " + i);
        }
        String tagged = console.createCustomer(platform, Console.uniqueEmail("tagged"), "Tagged Team");
        assertThat(api.put("/api/v1/customers/" + tagged + "/tags", platform.adminToken(),
                Map.of("tags", List.of("vip"))).status()).isEqualTo(204);
        console.awaitCustomer(platform, tagged, row -> row.path("tags").size() == 1);

        Page page = signedInAdmin(platform);
        assertThat(page.getByText("31 customers")).isVisible();
        assertThat(page.getByRole(AriaRole.COLUMNHEADER)).hasText(SEED_COLUMNS.stream()
                .map(column -> Pattern.compile("^" + column)).toArray(Pattern[]::new));
        Locator pool = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Credit pool"));
        assertThat(pool).containsText("70.00 USD");
        screenshot(page, "customer-management");
        firstScreen(page, "customer-management-first-screen");
        assertAccessible(page, "Customer Management");

        page.navigate("/customers?tag=vip");
        assertThat(page.getByText("1 customers")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(2);
        assertThat(page.getByRole(AriaRole.CELL, named("Tagged Team"))).isVisible();

        page.navigate("/customers?limit=25&sort=account,asc");
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(26);
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, named("Customer account"))).hasAttribute("aria-sort", "ascending");
        assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText("list-00-");
        page.getByRole(AriaRole.BUTTON, named("Next page")).click();
        assertThat(page.getByText("Page 2")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(7);
        assertThat(page).hasURL(Pattern.compile("cursor="));
        page.getByRole(AriaRole.BUTTON, named("Previous page")).click();
        assertThat(page.getByText("Page 1")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText("list-00-");

        page.getByRole(AriaRole.BUTTON, named("Customer account")).click();
        assertThat(page).hasURL(Pattern.compile("sort=account%2Cdesc|sort=account,desc"));
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, named("Customer account"))).hasAttribute("aria-sort", "descending");
        assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText("tagged-");

        page.getByLabel("Search").fill("List Team 17");
        assertThat(page.getByText("1 customers")).isVisible();
        assertThat(page).hasURL(Pattern.compile("q=List"));

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.BUTTON, named("Export CSV")).click());
        String csv = readDownload(download);
        assertThat(csv.lines().count()).as(csv).isEqualTo(2);
        assertThat(csv).contains("List Team 17");
    }

    @Test
    void moneyDialogsConfirmBookOnceAndRefuseAtTheField() {
        Platform platform = console.newPlatform("70.00");
        String email = Console.uniqueEmail("money");
        String customer = console.createCustomer(platform, email, "Money Team");
        console.awaitCustomer(platform, customer, row -> true);
        Page page = signedInAdmin(platform);

        openAction(page, email, "Manage Balance");
        choose(page, "Operation", "Refill");
        page.getByRole(AriaRole.TEXTBOX, named("Amount (USD)")).fill("100");
        page.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(page.getByText("Balance: 0.00 USD → 100.00 USD")).isVisible();
        screenshot(page, "manage-balance-confirm");
        assertAccessible(page, "Manage Balance");
        page.getByRole(AriaRole.BUTTON, named("Confirm")).dblclick();
        assertThat(page.getByText("Done. The balance is now 100.00 USD.")).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Done")).click();
        assertThat(rowOf(page, email)).containsText("100.00");
        assertThat(rowOf(page, email)).not().containsText("updating");

        openAction(page, email, "Manage Balance");
        choose(page, "Operation", "Deduct");
        page.getByRole(AriaRole.TEXTBOX, named("Amount (USD)")).fill("100.01");
        page.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(page.getByRole(AriaRole.TEXTBOX, named("Amount (USD)")))
                .hasAccessibleDescription(Pattern.compile("below zero"));
        page.getByRole(AriaRole.TEXTBOX, named("Amount (USD)")).fill("30");
        page.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(page.getByText("Balance: 100.00 USD → 70.00 USD")).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Confirm")).click();
        assertThat(page.getByText("Done. The balance is now 70.00 USD.")).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Done")).click();

        openAction(page, email, "Manage Credits");
        assertThat(page.getByText("Your credits available: 70.00 USD")).isVisible();
        Locator target = page.getByRole(AriaRole.TEXTBOX, named("Target credits (USD)"));
        target.fill("70.01");
        assertThat(target).hasAccessibleDescription(Pattern.compile("More than this customer has"));
        assertThat(page.getByRole(AriaRole.BUTTON, named("Confirm"))).isDisabled();
        target.fill("20");
        assertThat(page.getByText("50.00 left")).isVisible();
        screenshot(page, "manage-credits");
        assertAccessible(page, "Manage Credits");
        page.getByRole(AriaRole.BUTTON, named("Confirm")).click();
        assertThat(page.getByText(Pattern.compile("The customer now has 20.00 USD credits; your pool has 50.00 USD left"))).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Done")).click();
        assertThat(page.getByRole(AriaRole.REGION, named("Credit pool"))).containsText("50.00 USD");

        JsonNode verification = api.get("/api/v1/customers/" + customer + "/ledger/verification",
                platform.adminToken()).json();
        assertThat(verification.path("entries").asInt()).as("the event store: %s", verification).isEqualTo(3);
        JsonNode entries = api.get("/api/v1/customers/" + customer + "/billing-details", platform.adminToken())
                .json().path("items");
        assertThat(entries).extracting(entry -> entry.path("type").asText())
                .as("the double click booked one refill").containsExactly("CREDITS", "DEDUCTION", "REFILL");

        openAction(page, email, "Set Tag");
        Locator tags = page.getByRole(AriaRole.COMBOBOX, named("Tags"));
        tags.fill("gold");
        tags.press("Enter");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.getByText("The tags are saved.")).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Done")).click();
        assertThat(rowOf(page, email)).containsText("gold");
        page.navigate("/customers?tag=gold");
        assertThat(page.getByText("1 customers")).isVisible();
        assertThat(rowOf(page, email)).isVisible();
    }

    @Test
    void aRefillCanBeMadeWithTheKeyboardAlone() {
        Platform platform = console.newPlatform("70.00");
        String email = Console.uniqueEmail("keyboard");
        String customer = console.createCustomer(platform, email, "Keyboard Team");
        console.awaitCustomer(platform, customer, row -> true);
        Page page = signedInAdmin(platform);

        page.getByRole(AriaRole.BUTTON, named("Actions for " + email)).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.MENU)).isVisible();
        // The menu takes the focus once it has opened; the arrow keys work from there.
        page.waitForFunction("() => document.activeElement?.closest('[role=menu]') != null");
        page.keyboard().press("ArrowDown");
        assertThat(page.getByRole(AriaRole.MENUITEM, named("Manage Balance"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.TEXTBOX, named("Amount (USD)"))).isFocused();
        page.keyboard().type("25");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Balance: 0.00 USD → 25.00 USD")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.getByText("Done. The balance is now 25.00 USD.")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(rowOf(page, email)).containsText("25.00");
    }

    @Test
    void customerDetailsShowEveryFieldAndTheLedgerWithItsAudit() {
        Platform platform = console.newPlatform("70.00");
        String email = Console.uniqueEmail("details");
        String customer = console.createCustomer(platform, email, "Details Team");
        assertThat(console.refill(platform, customer, "40.00", "details-r1").status()).isEqualTo(200);
        assertThat(console.deduct(platform, customer, "15.00", "details-d1").status()).isEqualTo(200);
        console.awaitCustomer(platform, customer, row -> "25.00".equals(row.path("balance").asText()));
        Page page = signedInAdmin(platform);

        page.getByRole(AriaRole.LINK, named(email)).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Customer Details: " + email))).isVisible();
        assertThat(page.getByRole(AriaRole.ROWHEADER, named("Internal Customer ID"))).isVisible();
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile("^Balance")))).containsText("25.00 USD");
        screenshot(page, "customer-details");
        assertAccessible(page, "Customer Details");

        page.getByRole(AriaRole.BUTTON, named("Edit information")).click();
        page.getByRole(AriaRole.TEXTBOX, named("Team name")).fill("Renamed Team");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(Pattern.compile("^Team name"))))
                .containsText("Renamed Team");

        page.getByRole(AriaRole.TAB, named("Billing Details")).click();
        assertThat(page.getByText("Chain verified: 2 entries intact")).isVisible();
        Locator entries = page.getByRole(AriaRole.TABLE, named("Ledger entries, newest first"));
        assertThat(entries.getByRole(AriaRole.ROW)).hasCount(3);
        page.getByRole(AriaRole.CHECKBOX, named("Deduction")).check();
        assertThat(entries.getByRole(AriaRole.ROW)).hasCount(2);
        assertThat(entries).containsText("-15.00");
        screenshot(page, "billing-details");
        assertAccessible(page, "Billing Details");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("Export CSV")).click());
        String csv = readDownload(download);
        assertThat(csv.lines().count()).as(csv).isEqualTo(2);
        assertThat(csv).contains("DEDUCTION").doesNotContain("REFILL");
    }

    private static void openAction(Page page, String account, String action) {
        page.getByRole(AriaRole.BUTTON, named("Actions for " + account)).click();
        page.getByRole(AriaRole.MENUITEM, named(action)).click();
        // The menu fades out after the choice; pages are checked (and clicked) once it is gone.
        assertThat(page.getByRole(AriaRole.MENU)).hasCount(0);
    }

    private static Locator rowOf(Page page, String account) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(account));
    }

    private static String readDownload(Download download) {
        try {
            return Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
