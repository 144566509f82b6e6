package io.tally.service.axon;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A unique violation is recognised wherever pgjdbc puts it, and nothing else is taken for one. */
class DuplicateKeysTest {

    private final DuplicateKeys keys = new DuplicateKeys();

    @Test
    void aUniqueViolationInABatchsNextExceptionIsADuplicate() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry was aborted",
                "22000", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(keys.isDuplicateKeyViolation(new RuntimeException("wrapped", batch))).isTrue();
    }

    @Test
    void aUniqueViolationItselfIsADuplicate() {
        assertThat(keys.isDuplicateKeyViolation(new SQLException("duplicate key", "23505"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        SQLException other = new SQLException("deadlock detected", "40P01");
        other.setNextException(new SQLException("connection lost", "08006"));
        assertThat(keys.isDuplicateKeyViolation(other)).isFalse();
        assertThat(keys.isDuplicateKeyViolation(new IllegalStateException("boom"))).isFalse();
        assertThat(keys.isDuplicateKeyViolation(new SQLException("no state"))).isFalse();
    }
}
