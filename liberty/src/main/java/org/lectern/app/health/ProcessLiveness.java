package org.lectern.app.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application answers at all. It deliberately ignores the database and the
 * broker: restarting the server would not bring them back, so their outages affect readiness only.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("lectern");
    }
}
