package io.tally.customer.list;

import io.tally.customer.list.CustomerSort.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerSortTest {

    @Test
    void parsesAFieldAndADescendingDirection() {
        assertThat(CustomerSort.parse("balance,desc")).contains(new CustomerSort(Field.BALANCE, true));
    }

    @Test
    void acceptsTheRowsFieldNameForTheRegistrationTime() {
        assertThat(CustomerSort.parse("registeredAt,desc")).contains(new CustomerSort(Field.REGISTRATION_TIME, true));
    }

    @Test
    void theDirectionDefaultsToAscending() {
        assertThat(CustomerSort.parse("account")).contains(new CustomerSort(Field.ACCOUNT, false));
    }

    @Test
    void ignoresCaseInFieldAndDirection() {
        assertThat(CustomerSort.parse("ACCOUNT,ASC")).contains(new CustomerSort(Field.ACCOUNT, false));
        assertThat(CustomerSort.parse("teamname,DESC")).contains(new CustomerSort(Field.TEAM_NAME, true));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(CustomerSort.parse(" credits , desc ")).contains(new CustomerSort(Field.CREDITS, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "balance,up", "a,b,c", "balance,desc,asc", "balance,", ",desc", "", "balance_minor"})
    void refusesWhatIsNotAFieldAndADirection(String value) {
        assertThat(CustomerSort.parse(value)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Field.class)
    void asParameterParsesBackToTheSameSort(Field field) {
        for (boolean descending : new boolean[]{false, true}) {
            CustomerSort sort = new CustomerSort(field, descending);

            assertThat(CustomerSort.parse(sort.asParameter())).contains(sort);
        }
    }

    @Test
    void asParameterNamesTheApiFieldAndTheDirection() {
        assertThat(new CustomerSort(Field.COMPANY_NAME, false).asParameter()).isEqualTo("companyName,asc");
        assertThat(CustomerSort.DEFAULT.asParameter()).isEqualTo("registrationTime,desc");
    }

    @Test
    void findsFieldsByTheirApiName() {
        assertThat(Field.byApiName("registrationTime")).contains(Field.REGISTRATION_TIME);
        assertThat(Field.byApiName("registered_at")).isEmpty();
    }
}
