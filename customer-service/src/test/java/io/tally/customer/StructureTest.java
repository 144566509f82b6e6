package io.tally.customer;

import io.tally.testsupport.ServiceStructure;
import org.junit.jupiter.api.Test;

/** The house rules of DESIGN.md "Inside a service", checked against this service's compiled classes. */
class StructureTest {

    @Test
    void slicesKeepTheHouseRules() {
        ServiceStructure.verify("io.tally.customer");
    }
}
