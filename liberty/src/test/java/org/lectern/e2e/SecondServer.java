package org.lectern.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One more Lectern server on the runtime the build installed: the same configuration, application
 * and environment (server.env) as the build's server, under another name, on other ports, with its
 * own instance name (so its own durable subscriptions and its own copy of the site), its own logs,
 * transaction log and, on the embedded stack, its own Derby and broker. A test starts, stops and
 * kills it without disturbing the server the other tests use. It sends no webhooks (the test
 * server's webhook settings live in jvm.options, which is not copied).
 */
final class SecondServer implements AutoCloseable {

    static final Path WLP = Path.of(System.getProperty("lectern.wlp.dir", "target/liberty/wlp"));
    static final Path SERVERS = WLP.resolve("usr/servers");
    static final String ADMIN_USER = System.getProperty("lectern.admin.user", "admin");
    static final String ADMIN_PASSWORD = System.getProperty("lectern.admin.password", "lectern-test");

    final String name;
    final int httpPort;
    final Path dir;
    private final Client client;
    /** Its subscriptions live on the shared standalone broker, and are deleted when it is closed. */
    private final boolean sharesTheBroker;

    /** Whether the server uses the build server's database and broker or has its own embedded ones. */
    enum Services { SHARED, OWN }

    /**
     * Creates the server afresh (a previous one of that name is stopped and removed). The variables
     * override the build server's, e.g. {@code db.port} to reach the database through a proxy. With
     * {@link Services#OWN} it leaves out the build server's database and broker settings, and so runs
     * on an embedded Derby and broker of its own whatever the stack.
     */
    static SecondServer create(String name, int httpPort, int httpsPort, Services services, Map<String, String> variables)
            throws IOException, InterruptedException {
        Path dir = SERVERS.resolve(name);
        if (Files.exists(dir)) {
            server("stop", name).waitFor(120, TimeUnit.SECONDS);
            deleteTree(dir);
        }
        Path template = SERVERS.resolve("lectern");
        Files.createDirectories(dir.resolve("configDropins/overrides"));
        for (String file : List.of("server.xml", "db-derby.xml", "db-postgresql.xml", "bootstrap.properties")) {
            if (Files.exists(template.resolve(file))) {
                Files.copy(template.resolve(file), dir.resolve(file));
            }
        }
        if (Files.exists(template.resolve("server.env"))) {
            List<String> environment = Files.readAllLines(template.resolve("server.env")).stream()
                    .filter(line -> services == Services.SHARED
                            || !(line.startsWith("LECTERN_DB=") || line.startsWith("DB_") || line.startsWith("ARTEMIS_")))
                    .toList();
            Files.write(dir.resolve("server.env"), environment);
        }
        copyTree(template.resolve("lib"), dir.resolve("lib"));
        copyTree(template.resolve("apps"), dir.resolve("apps"));

        Map<String, String> all = new LinkedHashMap<>();
        all.put("http.port", String.valueOf(httpPort));
        all.put("https.port", String.valueOf(httpsPort));
        all.put("lectern.instance", name);
        all.putAll(variables);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<server>\n");
        all.forEach((key, value) -> xml.append("  <variable name=\"").append(key).append("\" value=\"").append(value).append("\"/>\n"));
        xml.append("</server>\n");
        Files.writeString(dir.resolve("configDropins/overrides/second-server.xml"), xml);
        return new SecondServer(name, httpPort, dir, services == Services.SHARED && Stack.PRODUCTION);
    }

    private SecondServer(String name, int httpPort, Path dir, boolean sharesTheBroker) {
        this.name = name;
        this.sharesTheBroker = sharesTheBroker;
        this.httpPort = httpPort;
        this.dir = dir;
        String credentials = Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        this.client = Lectern.newClient()
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Basic " + credentials));
    }

    /** Starts the server and waits until its application answers and its start-up render is done. */
    void start() throws IOException, InterruptedException {
        Process process = server("start", name);
        boolean ended = process.waitFor(300, TimeUnit.SECONDS);
        if (!ended || process.exitValue() != 0) {
            throw new IllegalStateException(name + " did not start; see " + dir.resolve("logs"));
        }
        awaitIdle(Duration.ofMinutes(5));
    }

    void stop() throws IOException, InterruptedException {
        server("stop", name).waitFor(120, TimeUnit.SECONDS);
    }

    /** kill -9: the JVM ends at once, in the middle of whatever it was doing. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(SERVERS.resolve(".pid/" + name + ".pid")).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        handle.destroyForcibly();
        handle.onExit().get(60, TimeUnit.SECONDS);
    }

    Path site() {
        return dir.resolve("site");
    }

    WebTarget target(String path) {
        return client.target(URI.create("http://localhost:" + httpPort + "/" + path));
    }

    Response post(String path, Object body) {
        return target(path).request(MediaType.APPLICATION_JSON).post(Entity.json(Lectern.JSON.toJson(body)));
    }

    int status(String path) {
        try (Response response = target(path).request().get()) {
            return response.getStatus();
        }
    }

    String get(String path) {
        try (Response response = target(path).request().get()) {
            String text = response.readEntity(String.class);
            if (response.getStatus() != 200) {
                throw new AssertionError(name + " " + path + ": " + response.getStatus() + " " + text);
            }
            return text;
        }
    }

    /** Polls the publishing status until the server answers and nothing renders or waits. */
    Map<String, Object> awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try (Response response = target("api/publishing/status").request().get()) {
                String body = response.readEntity(String.class);
                last = response.getStatus() + " " + body;
                if (response.getStatus() == 200) {
                    Map<String, Object> status = Lectern.json(body);
                    if (Boolean.FALSE.equals(status.get("rendering")) && ((Number) status.get("lagMillis")).longValue() == 0
                            && Boolean.FALSE.equals(status.get("rebuildPending"))) {
                        return status;
                    }
                }
            } catch (RuntimeException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " never went idle: " + last);
    }

    @Override
    public void close() throws Exception {
        stop();
        client.close();
        if (sharesTheBroker) {
            Broker.deleteSubscriptions(name);
        }
    }

    private static Process server(String action, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(SERVERS.resolve(name + "-control.log").toFile()));
        builder.environment().put("LECTERN_ADMIN_USER", ADMIN_USER);
        builder.environment().put("LECTERN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return builder.start();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
