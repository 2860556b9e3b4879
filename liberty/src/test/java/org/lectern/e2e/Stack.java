package org.lectern.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which stack the build started the server on: {@code embedded} (Derby and the broker inside the
 * server, the default) or {@code production} ({@code -Pproduction}: PostgreSQL and a standalone
 * Artemis broker). Tests of faults that only exist with separate services (stopping the broker,
 * cutting the database off, two servers sharing them) run on the production stack only. A missing
 * or misspelt {@code lectern.stack} fails every test that asks, rather than skipping the fault tests
 * on both stacks with the build green; after the production run, the build checks that they ran
 * ({@code src/test/production/fault-tests-ran.sh}).
 */
final class Stack {

    static final String NAME = System.getProperty("lectern.stack");

    static final boolean PRODUCTION = switch (String.valueOf(NAME)) {
        case "production" -> true;
        case "embedded" -> false;
        default -> throw new IllegalStateException("lectern.stack is " + NAME
                + ": expected embedded or production (the build sets it; see liberty/pom.xml)");
    };

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
