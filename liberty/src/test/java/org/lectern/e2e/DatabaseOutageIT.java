package org.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 5: with the database gone, writes get a 503 problem, the published site and feeds are
 * still served (they are files), readiness reports the database down while liveness stays up, and
 * when the database returns the server works again without a restart. The database is cut off
 * through a proxy in front of PostgreSQL, for a second server of its own, so the machine's
 * PostgreSQL and the build's server are never touched.
 */
class DatabaseOutageIT {

    static final Duration OUTAGE_DETECTED = Duration.ofSeconds(60);
    static final Duration RECOVERY = Duration.ofMinutes(2);

    static DatabaseProxy proxy;
    static SecondServer server;

    @BeforeAll
    static void startAServerBehindTheProxy() throws Exception {
        Stack.assumeProduction();
        proxy = new DatabaseProxy(System.getProperty("lectern.db.host", "127.0.0.1"), Integer.getInteger("lectern.db.port", 5432));
        server = SecondServer.create("lectern-dbcut", 9181, 9544, SecondServer.Services.SHARED, Map.of("db.port", String.valueOf(proxy.port())));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void writesAreRefusedWhileTheSiteIsServedAndTheServerRecoversByItself() throws Exception {
        assertEquals(200, Health.read(server::target, "health/ready").status());
        byte[] index = server.target("").request().get(byte[].class);
        byte[] feed = server.target("calendar.ics").request().get(byte[].class);
        String refusedName = Lectern.unique("Refused While The Database Is Down");

        proxy.cut();
        try {
            Health ready = Health.awaitReadiness(server::target, 503, OUTAGE_DETECTED);
            assertEquals("DOWN", ready.check("database"), ready.toString());
            assertEquals(200, Health.read(server::target, "health/live").status(), "liveness ignores the database");

            Lectern.assertRefusedAsUnavailable("DatabaseOutageIT", () -> server.post("api/people", Map.of("name", refusedName)),
                    "The database is unreachable");
            assertArrayEquals(index, server.target("").request().get(byte[].class), "the site is served as it was");
            assertArrayEquals(feed, server.target("calendar.ics").request().get(byte[].class), "and so are the feeds");
            assertEquals(200, Health.read(server::target, "health/live").status(), "liveness does not flap");
        } finally {
            proxy.restore();
        }

        Health ready = Health.awaitReadiness(server::target, 200, RECOVERY);
        assertEquals("UP", ready.check("database"));
        Map<String, Object> search = Lectern.json(server.get("api/people?q=" + refusedName.replace(' ', '+')));
        assertEquals(0, ((Number) search.get("total")).intValue(), "the refused write left nothing: " + search);
        try (Response accepted = server.post("api/people", Map.of("name", Lectern.unique("After The Database Returned")))) {
            assertEquals(201, accepted.getStatus(), accepted.readEntity(String.class));
        }
    }
}
