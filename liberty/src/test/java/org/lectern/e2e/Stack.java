package org.lectern.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which stack the build started the server on: {@code embedded} (Derby and the broker inside the
 * server, the default) or {@code production} ({@code -Pproduction}: PostgreSQL and a standalone
 * Artemis broker). Tests of faults that only exist with separate services (stopping the broker,
 * cutting the database off, two servers sharing them) run on the production stack only.
 */
final class Stack {

    static final boolean PRODUCTION = "production".equals(System.getProperty("lectern.stack", "embedded"));

    private Stack() {
    }

    /** For a test whose servers bring their own embedded services: it would only repeat itself. */
    static void assumeEmbedded() {
        assumeTrue(!PRODUCTION, "the same on both stacks: runs in the embedded pass");
    }

    static void assumeProduction() {
        assumeTrue(PRODUCTION, "needs the production stack (mvn verify -Pproduction): a separate database and broker");
    }
}
