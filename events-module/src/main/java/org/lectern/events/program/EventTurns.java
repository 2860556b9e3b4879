package org.lectern.events.program;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Every change raises its event's version, so two changes to one event cannot both commit: when
 * they run side by side, the database lets the first commit and the second has done its work for
 * nothing (it is made again, {@link UnconditionalRetry}, or answered 412). Changes to one event
 * made on this server therefore take turns, in the order they arrive: each waits until the one
 * before has committed, and then reads the event as that one left it. What happens outside the
 * transaction (the login, reading the request, the audit record, writing the answer) still runs
 * side by side, and changes to different events do not wait for each other (but for the rare two
 * that share one of the 64 turns).
 * <p>
 * Turns are a courtesy of one server: writers on two servers still meet at the version check, as
 * before. A change waits at most {@link UnconditionalRetry#PATIENCE} for its turn and then goes
 * ahead without it, where the version check decides. Only a call that began outside any transaction
 * waits, so a waiting thread never holds a database lock that the one whose turn it is might need.
 */
@TakesTurns
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class EventTurns {

    static final int TURNS = 64;

    /** One set of turns for the application (the container may make more than one interceptor). */
    private static final ReentrantLock[] turns = new ReentrantLock[TURNS];

    static {
        for (int i = 0; i < TURNS; i++) {
            turns[i] = new ReentrantLock(true);
        }
    }

    /** Per method: the position of its event id parameter, or -1 when it changes no one event. */
    private static final ConcurrentHashMap<Method, Integer> eventIdParameter = new ConcurrentHashMap<>();

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object inTurn(InvocationContext call) throws Exception {
        int position = eventIdParameter.computeIfAbsent(call.getMethod(), EventTurns::eventIdPosition);
        if (position < 0 || transactions.getTransactionKey() != null) {
            return call.proceed();
        }
        ReentrantLock turn = turnOf((String) call.getParameters()[position]);
        boolean mine = turn.tryLock(UnconditionalRetry.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return call.proceed();
        } finally {
            if (mine) {
                turn.unlock();
            }
        }
    }

    static ReentrantLock turnOf(String eventId) {
        return turns[Math.floorMod(eventId == null ? 0 : eventId.hashCode(), TURNS)];
    }

    /**
     * A change to one event is a method with an {@link IfMatch} parameter; it takes the event's id
     * first ({@code EventTurnsTest} holds every {@link EventEditor} method to that).
     */
    static int eventIdPosition(Method method) {
        boolean change = UnconditionalRetry.ifMatchPosition(method) >= 0;
        return change && method.getParameterTypes()[0] == String.class ? 0 : -1;
    }
}
