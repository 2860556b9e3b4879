package org.lectern.app.health;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = database.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
