package com.exqress.standalone.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on localhost that a test can cut, as a network failure cuts a service off from Kafka: {@link #cut()}
 * breaks every open connection and refuses new ones until {@link #restore()}, while the server behind it runs on.
 */
final class CuttableProxy implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    CuttableProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    synchronized void restore() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("localhost", port));
        listening = server;
        daemon("proxy-accept-" + port, () -> accept(server));
    }

    synchronized void cut() throws IOException {
        listening.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException cut) {
                return;
            }
            open.add(client);
            try {
                Socket target = new Socket("localhost", targetPort);
                open.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException refused) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("proxy-pump-" + port, () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException broken) {
                // One side closed or was cut; closing both ends below passes that on to the other side.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // Nothing left to tell anyone.
        }
    }
}
