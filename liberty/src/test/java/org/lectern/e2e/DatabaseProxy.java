package org.lectern.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay between a server and PostgreSQL, on a port of its own, that a test can cut off
 * (every open connection closed, new ones refused, as when the database host goes away) and
 * restore on the same port.
 */
final class DatabaseProxy implements AutoCloseable {

    private final InetSocketAddress database;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "database-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket listener;
    private final int port;

    DatabaseProxy(String host, int databasePort) throws IOException {
        this.database = new InetSocketAddress(host, databasePort);
        listen(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        this.port = listener.getLocalPort();
    }

    int port() {
        return port;
    }

    /** Closes every relayed connection and stops listening: connections are refused until {@link #restore}. */
    synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    synchronized void restore() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(socket);
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        threads.submit(() -> {
            while (!socket.isClosed()) {
                try {
                    relay(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void relay(Socket client) throws IOException {
        Socket server;
        try {
            server = new Socket(database.getAddress(), database.getPort());
        } catch (IOException e) {
            client.close();
            return;
        }
        sockets.add(client);
        sockets.add(server);
        threads.submit(() -> pump(client, server));
        threads.submit(() -> pump(server, client));
    }

    /** Copies one direction until it ends, then closes both sides. */
    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // closed by cut() or by either side
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.remove(socket);
    }

    @Override
    public void close() throws IOException {
        cut();
        threads.shutdownNow();
    }
}
