package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

class UnconditionalRetryTest {

    @Test
    void aLostRaceIsAConflictHoweverTheTransactionWrapsIt() {
        assertTrue(UnconditionalRetry.conflict(new OptimisticLockException("version 7 is gone")));
        RollbackException atCommit = new RollbackException("rolled back");
        atCommit.initCause(new OptimisticLockException());
        assertTrue(UnconditionalRetry.conflict(new TransactionalException("commit failed", atCommit)));
    }

    @Test
    void otherFailuresAndStaleIfMatchesAreNot() {
        assertFalse(UnconditionalRetry.conflict(new IllegalStateException("database down")));
        assertFalse(UnconditionalRetry.conflict(new TransactionalException("commit failed", new RollbackException())));
        assertFalse(UnconditionalRetry.conflict(new StaleVersion(3, 4)));
    }
}
