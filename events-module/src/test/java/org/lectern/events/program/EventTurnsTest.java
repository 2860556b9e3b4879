package org.lectern.events.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

class EventTurnsTest {

    @Test
    void everyChangeOfTheEditorNamesItsEventFirst() {
        List<Method> changes = Arrays.stream(EventEditor.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> Arrays.stream(m.getParameters()).anyMatch(p -> p.isAnnotationPresent(IfMatch.class)))
                .toList();
        assertTrue(changes.size() >= 20, "the editor's changes: " + changes);
        for (Method change : changes) {
            assertEquals(0, EventTurns.eventIdPosition(change), change.getName());
            assertTrue(Set.of("id", "eventId").contains(change.getParameters()[0].getName()),
                    change.getName() + " takes " + change.getParameters()[0].getName() + " first");
        }
    }

    @Test
    void readsAndChangesOfNoOneEventTakeNoTurn() throws NoSuchMethodException {
        for (Method m : List.of(EventEditor.class.getMethod("list"), EventEditor.class.getMethod("get", String.class),
                EventEditor.class.getMethod("create", EventInput.class),
                EventEditor.class.getMethod("removePerson", java.util.UUID.class))) {
            assertEquals(-1, EventTurns.eventIdPosition(m), m.getName());
        }
    }

    @Test
    void oneEventHasOneTurn() {
        assertSame(EventTurns.turnOf("a1b2"), EventTurns.turnOf(new String("a1b2")));
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> EventTurns.turnOf(java.util.UUID.randomUUID().toString())).distinct().count();
        assertTrue(distinct > EventTurns.TURNS / 2, "events spread over the turns: " + distinct);
        assertNotSame(EventTurns.turnOf(null), null);
    }

    /** Two changes to one event never run at once; a change to another event does not wait for them. */
    @Test
    void changesToOneEventRunOneAfterTheOther() throws Exception {
        EventTurns turns = new EventTurns();
        turns.transactions = noTransaction();
        Method describe = EventEditor.class.getMethod("describe", String.class, Long.class, EventInput.class);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<Object> first = threads.submit(() -> turns.inTurn(call(describe, "event-1", () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                holding.countDown();
                release.await();
                inside.decrementAndGet();
                return "first";
            })));
            holding.await();
            Future<Object> second = threads.submit(() -> turns.inTurn(call(describe, "event-1", () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                inside.decrementAndGet();
                return "second";
            })));
            String otherEvent = otherTurnThan("event-1");
            Object other = threads.submit(() -> turns.inTurn(call(describe, otherEvent, () -> "other")))
                    .get(5, TimeUnit.SECONDS);
            assertEquals("other", other);
            Thread.sleep(100);
            assertTrue(!second.isDone(), "the second change waits for the first");
            release.countDown();
            assertEquals("first", first.get(5, TimeUnit.SECONDS));
            assertEquals("second", second.get(5, TimeUnit.SECONDS));
            assertEquals(1, most.get());
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static String otherTurnThan(String eventId) {
        for (int i = 0; ; i++) {
            if (EventTurns.turnOf("other-" + i) != EventTurns.turnOf(eventId)) {
                return "other-" + i;
            }
        }
    }

    private static TransactionSynchronizationRegistry noTransaction() {
        return (TransactionSynchronizationRegistry) Proxy.newProxyInstance(EventTurnsTest.class.getClassLoader(),
                new Class<?>[]{TransactionSynchronizationRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getTransactionKey")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InvocationContext call(Method method, String eventId, Callable<Object> body) {
        return new InvocationContext() {
            public Object getTarget() { return null; }
            public Object getTimer() { return null; }
            public Method getMethod() { return method; }
            public java.lang.reflect.Constructor<?> getConstructor() { return null; }
            public Object[] getParameters() { return new Object[]{eventId, null, null}; }
            public void setParameters(Object[] params) { throw new UnsupportedOperationException(); }
            public Map<String, Object> getContextData() { return Map.of(); }
            public Object proceed() throws Exception { return body.call(); }
        };
    }
}
