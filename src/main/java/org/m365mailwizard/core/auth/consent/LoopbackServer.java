// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The listener's HTTP server: one socket on 127.0.0.1, each connection handled on its own thread, at
 * most {@value #MAX_CONNECTIONS} at once, each with {@link #REQUEST_TIMEOUT} to send its whole request.
 * One slow or silent local connection (slowloris) therefore costs one thread for a few seconds and
 * never keeps the browser's real redirect waiting; when all slots are taken a new connection waits in
 * the socket's backlog until one frees, for at most that timeout. One request per connection.
 */
final class LoopbackServer implements AutoCloseable {

    static final int MAX_CONNECTIONS = 16;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** One request and the way to answer it. */
    interface Exchange {
        LoopbackRequest request();

        void respond(int status, Map<String, String> headers, byte[] body) throws IOException;
    }

    /** What the server does with a request that parsed. */
    interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final Duration requestTimeout;
    private final ExecutorService threads;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch acceptorDone = new CountDownLatch(1);
    private volatile boolean closed;

    private LoopbackServer(ServerSocket socket, Handler handler, Duration requestTimeout) {
        this.socket = socket;
        this.handler = handler;
        this.requestTimeout = requestTimeout;
        int port = socket.getLocalPort();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "m365-loopback-" + port);
            thread.setDaemon(true);
            return thread;
        });
    }

    static LoopbackServer start(InetAddress address, Handler handler) throws IOException {
        return start(address, handler, REQUEST_TIMEOUT);
    }

    static LoopbackServer start(InetAddress address, Handler handler, Duration requestTimeout) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(address, 0), 50);
        LoopbackServer server = new LoopbackServer(socket, handler, requestTimeout);
        server.threads.execute(server::acceptLoop);
        return server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void acceptLoop() {
        try {
            acceptUntilClosed();
        } finally {
            acceptorDone.countDown();
        }
    }

    private void acceptUntilClosed() {
        while (!closed) {
            try {
                slots.acquire();
                Socket connection;
                try {
                    connection = socket.accept();
                } catch (IOException e) {
                    slots.release();
                    continue;
                }
                open.add(connection);
                threads.execute(() -> serve(connection));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                slots.release(); // the pool is shut down: closing
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            long deadline = System.nanoTime() + requestTimeout.toNanos();
            InputStream in = new DeadlineStream(connection, deadline);
            LoopbackRequest request;
            try {
                request = LoopbackRequest.read(in, connection.getInetAddress());
            } catch (LoopbackRequest.Malformed e) {
                write(connection, e.status(), Map.of("Content-Type", "text/plain; charset=utf-8"),
                        "Bad request".getBytes(StandardCharsets.UTF_8));
                drain(in);
                return;
            }
            handler.handle(new Exchange() {
                @Override
                public LoopbackRequest request() {
                    return request;
                }

                @Override
                public void respond(int status, Map<String, String> headers, byte[] body) throws IOException {
                    write(connection, status, headers, body);
                }
            });
        } catch (IOException | RuntimeException e) {
            // Timed out, reset, or gone: nothing to answer, and the slot is freed below.
        } finally {
            open.remove(connection);
            slots.release();
        }
    }

    /**
     * Reads and drops what the client is still sending (an oversized body, within the request's
     * deadline and at most 1 MB): closing with unread data would reset the connection, and the
     * client would lose the answer that says why it was refused.
     */
    private static void drain(InputStream in) {
        try {
            byte[] sink = new byte[8192];
            long total = 0;
            int n;
            while (total < 1024 * 1024 && (n = in.read(sink, 0, sink.length)) > 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // deadline reached or the client is gone: close anyway
        }
    }

    private static void write(Socket connection, int status, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        OutputStream out = connection.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        connection.shutdownOutput();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 421 -> "Misdirected Request";
            case 431 -> "Request Header Fields Too Large";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        threads.shutdownNow();
        try {
            // The socket is really released only once the thread blocked in accept() has left it;
            // the caller's promise is that the port is free when close() returns.
            acceptorDone.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every read waits at most until the request's deadline: a trickle cannot stretch it. */
    private static final class DeadlineStream extends FilterInputStream {
        private final Socket socket;
        private final long deadline;

        DeadlineStream(Socket socket, long deadline) throws IOException {
            super(new java.io.BufferedInputStream(socket.getInputStream()));
            this.socket = socket;
            this.deadline = deadline;
        }

        private void arm() throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("request took too long");
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
        }
    }
}
