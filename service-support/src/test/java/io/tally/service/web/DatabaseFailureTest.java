package io.tally.service.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure is the database's going away only by its causes, and the answer claims no more than is known. */
class DatabaseFailureTest {

    private static final SQLException IO_ERROR = new SQLException("An I/O error occurred while sending to the backend.",
            "08006");

    @Test
    void aBrokenConnectionOrAFailedCommitIsALostConnection() {
        assertThat(DatabaseFailure.of(new IllegalStateException("wrapped", IO_ERROR)))
                .contains(DatabaseFailure.CONNECTION_LOST);
        assertThat(DatabaseFailure.of(new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("This connection has been closed.", "08003")))).contains(DatabaseFailure.CONNECTION_LOST);
        assertThat(DatabaseFailure.of(new RuntimeException(new SQLException("terminating connection due to "
                + "administrator command", "57P01")))).contains(DatabaseFailure.CONNECTION_LOST);
        assertThat(DatabaseFailure.of(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).as("the pool evicted it as broken")
                .contains(DatabaseFailure.CONNECTION_LOST);
        RuntimeException suppressing = new RuntimeException("rollback failed");
        suppressing.addSuppressed(IO_ERROR);
        assertThat(DatabaseFailure.of(suppressing)).contains(DatabaseFailure.CONNECTION_LOST);
    }

    @Test
    void noConnectionOrTransactionToBeHadIsNotReached() {
        assertThat(DatabaseFailure.of(new CannotCreateTransactionException("no connection", IO_ERROR)))
                .contains(DatabaseFailure.NOT_REACHED);
        assertThat(DatabaseFailure.of(new CannotGetJdbcConnectionException("pool timed out")))
                .contains(DatabaseFailure.NOT_REACHED);
    }

    @Test
    void anyOtherFailureIsNotTheDatabasesGoingAway() {
        assertThat(DatabaseFailure.of(new IllegalStateException("boom"))).isEmpty();
        assertThat(DatabaseFailure.of(new RuntimeException(new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(DatabaseFailure.of(new RuntimeException(new SQLException("no state")))).isEmpty();
        assertThat(DatabaseFailure.of(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("the entry's commit fails", "P0001")))).as("the server refused the commit: known")
                .isEmpty();
    }

    @Test
    void aWriteWhoseConnectionBrokeIsAnsweredOutcomeUnknown() {
        ResponseEntity<ProblemDetail> answer = answer("POST", new IllegalStateException("wrapped", IO_ERROR));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getProperties()).containsEntry("code", ProblemHandler.OUTCOME_UNKNOWN);
        assertThat(answer.getBody().getDetail()).contains("may or may not have taken effect")
                .doesNotContain("nothing was changed");
    }

    @Test
    void aReadOrAnUnreachedDatabaseIsAnsweredUnavailableWithNothingChanged() {
        for (ResponseEntity<ProblemDetail> answer : List.of(
                answer("GET", new IllegalStateException("wrapped", IO_ERROR)),
                answer("PUT", new CannotCreateTransactionException("no connection", IO_ERROR)))) {
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(answer.getBody().getProperties()).containsEntry("code", ProblemHandler.DATABASE_UNAVAILABLE);
            assertThat(answer.getBody().getDetail()).contains("nothing was changed");
        }
    }

    @Test
    void anythingElseStaysA500() {
        assertThat(answer("POST", new IllegalStateException("boom")).getStatusCode().value()).isEqualTo(500);
    }

    private static ResponseEntity<ProblemDetail> answer(String method, Exception failure) {
        return new ProblemHandler().unexpected(failure, new MockHttpServletRequest(method, "/api/v1/anything"));
    }
}
