package org.lectern.events.program;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.transaction.xa.XAException;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every change raises the event's version, so two editors changing different parts of one event
 * at the same moment collide on it: the database lets one commit and the other fails. A client that
 * sent If-Match is told (412: read again). A client that sent none asked for no precondition, so
 * its change is made again on the version now current, in a new transaction, for up to 10 s.
 * <p>
 * A change the database chose as the victim of a deadlock (with a render reading the same rows, say)
 * is made again too, with or without If-Match: the attempt left nothing behind.
 * <p>
 * It wraps the transaction ({@code @Transactional} runs inside it: a lower priority runs first),
 * and it retries only a call that began outside any transaction: a rolled-back attempt has sent no
 * message and written nothing, and the next one reads everything afresh.
 */
@RetriedWithoutIfMatch
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class UnconditionalRetry {

    private static final Logger LOG = Logger.getLogger(UnconditionalRetry.class.getName());

    /**
     * How long a change keeps trying. Each lost race means another writer's change committed, so
     * the total work stays bounded; twenty writers hammering one event need up to ~20 attempts each.
     */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Changes made again, by reason ({@code conflict} or {@code deadlock}), on {@code /metrics}. */
    static final String RETRIED = "lectern.changes.retried";

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Inject
    MetricRegistry metrics;

    private static final ConcurrentHashMap<Method, Integer> IF_MATCH_PARAMETER = new ConcurrentHashMap<>();

    @AroundInvoke
    public Object retry(InvocationContext call) throws Exception {
        int ifMatch = IF_MATCH_PARAMETER.computeIfAbsent(call.getMethod(), UnconditionalRetry::ifMatchPosition);
        if (ifMatch < 0 || transactions.getTransactionKey() != null) {
            return call.proceed();
        }
        boolean unconditional = call.getParameters()[ifMatch] == null;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (RuntimeException e) {
                boolean deadlock = deadlockVictim(e);
                if (!(deadlock || unconditional && conflict(e)) || System.nanoTime() > deadline) {
                    throw e;
                }
                int next = attempt + 1;
                metrics.counter(RETRIED, new Tag("reason", deadlock ? "deadlock" : "conflict")).inc();
                LOG.fine(() -> call.getMethod().getName() + ": " + (deadlock ? "chosen as a deadlock's victim"
                        : "another writer changed the event first") + "; attempt " + next);
                // the winner has committed; a random pause spreads the losers out, so they do not
                // all collide again on the next version
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt * 2, 40)));
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Where a change takes its {@link IfMatch} (null: no precondition); -1 for a method that is no change. */
    static int ifMatchPosition(Method method) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(IfMatch.class)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the database broke a deadlock by rolling this transaction back (Derby's and
     * PostgreSQL's SQL states 40001 and 40P01, or the XA resource's XA_RBDEADLOCK at commit). Nothing
     * of the attempt remains, so any change, with If-Match or without, is simply made again: its
     * version check runs afresh.
     */
    static boolean deadlockVictim(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof XAException xa && xa.errorCode == XAException.XA_RBDEADLOCK) {
                return true;
            }
        }
        return false;
    }

    static boolean conflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
