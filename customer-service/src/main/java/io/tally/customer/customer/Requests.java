package io.tally.customer.customer;

import io.tally.contracts.customer.BillingInformation;
import io.tally.contracts.customer.BillingType;
import io.tally.contracts.customer.PostalAddress;
import io.tally.service.web.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The validated request bodies of the customer's write endpoints. */
final class Requests {

    static final String PHONE = "^\\+?[0-9 ()./-]{3,40}$";
    static final String NOT_BLANK_IF_PRESENT = ".*\\S.*";

    private Requests() {
    }

    public record CreateCustomerRequest(
            @NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) String email,
            @NotBlank @Size(max = CustomerAccounts.MAX_TEAM_NAME_LENGTH) String teamName,
            @Valid BillingInfoRequest billingInfo) {
    }

    public record BillingInfoRequest(
            @NotNull BillingType type,
            @Size(max = 200) String companyName,
            @Size(max = 200) String contactName,
            @Size(max = 40) @Pattern(regexp = PHONE) String phone,
            @Valid AddressRequest address) {

        BillingInformation toBillingInformation() {
            return new BillingInformation(type, companyName, contactName, phone,
                    address == null ? null : address.toPostalAddress());
        }
    }

    public record AddressRequest(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 200) String city,
            @Size(max = 200) String postalCode,
            @Size(max = 200) String region,
            @NotBlank @Pattern(regexp = "^[A-Z]{2}$") String country) {

        PostalAddress toPostalAddress() {
            return new PostalAddress(line1, line2, city, postalCode, region, country);
        }
    }

    /** Absent fields stay as they are; an empty string clears an optional field. */
    public record UpdateCustomerRequest(
            @Size(min = 1, max = CustomerAccounts.MAX_TEAM_NAME_LENGTH) @Pattern(regexp = NOT_BLANK_IF_PRESENT)
            String teamName,
            @Size(max = 200) String companyName,
            @Size(max = 200) String contactName,
            @Size(max = 40) @Pattern(regexp = "^$|" + PHONE) String phone,
            @Valid AddressRequest address) {
    }

    public enum State {
        ON,
        OFF
    }

    public record StateRequest(@NotNull State state) {
    }

    public record TagsRequest(@NotNull @Size(max = Tags.MAX_TAGS) List<@NotNull @Size(max = 200) String> tags) {
    }
}
