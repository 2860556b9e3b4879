package org.lectern.app.problems;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.RollbackException;

/**
 * Which backing service a failed request could not reach, read from the exception's causes:
 * the database (a connection failure, SQLState class 08), the broker (any JMS failure: Lectern
 * only sends, so a send that fails means the broker is gone), or a commit that the transaction
 * manager rolled back (one of the two failed between the write and the commit).
 */
enum Outage {

    DATABASE("The database is unreachable"),
    BROKER("The message broker is unreachable"),
    COMMIT("The change could not be committed");

    final String title;

    Outage(String title) {
        this.title = title;
    }

    static Optional<Outage> of(Throwable failure) {
        Outage found = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isConnectionFailure(t)) {
                return Optional.of(DATABASE);
            }
            if (t instanceof JMSException || t instanceof JMSRuntimeException) {
                return Optional.of(BROKER);
            }
            if (t instanceof RollbackException && found == null) {
                // keep looking: a cause further down may say which service it was
                found = COMMIT;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
