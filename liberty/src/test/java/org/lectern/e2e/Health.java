package org.lectern.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;

/** MicroProfile Health as an orchestrator reads it: /health/ready and /health/live, status and checks. */
record Health(int status, Map<String, Object> body) {

    static Health read(Function<String, WebTarget> server, String path) {
        try (Response response = server.apply(path).request().get()) {
            return new Health(response.getStatus(), Lectern.json(response.readEntity(String.class)));
        }
    }

    /** Polls until the readiness answer has this HTTP status; returns that answer. */
    static Health awaitReadiness(Function<String, WebTarget> server, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Health last = null;
        while (System.nanoTime() < deadline) {
            last = read(server, "health/ready");
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness never answered " + status + " within " + timeout + "; last: " + last);
    }

    /** The state (UP or DOWN) of the named check. */
    String check(String name) {
        return Lectern.list(body.get("checks")).stream().filter(c -> name.equals(c.get("name")))
                .map(c -> (String) c.get("status")).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
    }
}
