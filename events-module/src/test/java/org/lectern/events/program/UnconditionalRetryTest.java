package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import javax.transaction.xa.XAException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
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

    @Test
    void aDeadlocksVictimIsMadeAgainHoweverItSurfaces() {
        SQLException derby = new SQLTransactionRollbackException("A lock could not be obtained due to a deadlock", "40001", 30000);
        assertTrue(UnconditionalRetry.deadlockVictim(new PersistenceException("flush failed", derby)));
        assertTrue(UnconditionalRetry.deadlockVictim(new PersistenceException(new SQLException("deadlock detected", "40P01"))));
        RollbackException atCommit = new RollbackException("rolled back");
        atCommit.initCause(new XAException(XAException.XA_RBDEADLOCK));
        assertTrue(UnconditionalRetry.deadlockVictim(new TransactionalException("commit failed", atCommit)));
    }

    @Test
    void otherDatabaseFailuresAreNotDeadlocks() {
        assertFalse(UnconditionalRetry.deadlockVictim(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(UnconditionalRetry.deadlockVictim(new PersistenceException(new SQLException("connection refused", "08001"))));
        assertFalse(UnconditionalRetry.deadlockVictim(new TransactionalException("commit failed",
                new RollbackException())));
        assertFalse(UnconditionalRetry.deadlockVictim(new OptimisticLockException("version 7 is gone")));
    }
}
