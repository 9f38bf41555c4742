// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/**
 * DNS over UDP for one client, built for batches of thousands of questions a second.
 *
 * <p>dnsjava opens, binds, connects, registers and closes a socket for every question (about 25
 * system calls) and walks all its pending questions on every wake-up of its one selector thread. Here
 * each server has a few sockets, each bound to a random port ({@link SecureRandom}, as dnsjava does)
 * and connected to that server, so the kernel accepts only the server's datagrams and reports an
 * unreachable port at once. A question goes out from one of them picked at random, with a random ID
 * unused on that socket; a socket carries at most {@value #USES_PER_SOCKET} questions and is closed as
 * soon as none is in flight on it, so source ports keep changing (RFC 5452 §9.2) and nothing stays open
 * when the client is idle. An answer is taken only when its ID, its question (name, type, class:
 * RFC 5452 §9.1) and its socket match; anything else is ignored and the question keeps listening. A
 * truncated answer is asked again over TCP (dnsjava's). Futures complete on the executor given;
 * cancelling one forgets its question at once.
 */
final class DatagramTransport {

    static final int SOCKETS_PER_SERVER = 16;
    static final int USES_PER_SOCKET = 32;
    /** dnsjava's default EDNS payload, as its resolver advertises it. */
    static final int EDNS_PAYLOAD = 1280;
    private static final int MAX_DATAGRAM = 65_535;
    private static final int BIND_ATTEMPTS = 64;
    private static final long IDLE_SELECT_MILLIS = 500;

    private final Executor executor;
    private final SecureRandom random = new SecureRandom();
    private final Map<InetSocketAddress, Socket[]> pools = new ConcurrentHashMap<>();
    /** Questions in flight by socket serial and ID. */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Object readerLock = new Object();
    /** Guarded by readerLock: the reading thread's selector while it runs, and sockets it has yet to register. */
    private Selector selector;
    private final Queue<Socket> toRegister = new ArrayDeque<>();
    private long serials;
    private final AtomicInteger openSockets = new AtomicInteger();

    DatagramTransport(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Sends {@code query} (its ID is replaced) and completes with the matching response, or
     * exceptionally when the network fails. It never times out by itself: the caller cancels it.
     *
     * @param tcpTimeout the time a retry over TCP may take after a truncated answer
     */
    CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration tcpTimeout) {
        CompletableFuture<Message> future = new CompletableFuture<>();
        Socket socket;
        try {
            socket = acquire(server);
        } catch (IOException | RuntimeException e) { // e.g. a name that did not resolve: the question fails
            future.completeExceptionally(e);
            return future;
        }
        Pending question = register(socket, query, future, tcpTimeout);
        future.whenComplete((response, error) -> release(question));
        if (query.getOPT() == null) {
            query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, 0), Section.ADDITIONAL);
        }
        try {
            socket.channel.write(ByteBuffer.wrap(query.toWire()));
        } catch (IOException e) {
            // The socket's error (an unreachable port reported for an earlier question) is read here, once:
            // it belongs to every question on this socket, which the reading thread will not see again.
            fail(socket, e);
        }
        return future;
    }

    /** Sockets open now (diagnostics; tests check that nothing is left open). */
    int openSockets() {
        return openSockets.get();
    }

    private Pending register(Socket socket, Message query, CompletableFuture<Message> future, Duration tcpTimeout) {
        while (true) {
            int id = random.nextInt(0x10000);
            Pending candidate = new Pending(socket, key(socket, id), query, future, tcpTimeout);
            if (pending.putIfAbsent(candidate.key, candidate) == null) {
                query.getHeader().setID(id);
                return candidate;
            }
        }
    }

    /** A question's key in {@link #pending}: its socket and its ID. */
    private static long key(Socket socket, int id) {
        return socket.serial << 16 | id;
    }

    private Socket acquire(InetSocketAddress server) throws IOException {
        Socket[] pool = pools.computeIfAbsent(server, s -> new Socket[SOCKETS_PER_SERVER]);
        int slot = ThreadLocalRandom.current().nextInt(pool.length);
        synchronized (pool) {
            Socket socket = pool[slot];
            if (socket == null || socket.uses >= USES_PER_SOCKET) {
                socket = open(server, pool, slot);
                pool[slot] = socket;
            }
            socket.uses++;
            socket.inFlight++;
            return socket;
        }
    }

    private Socket open(InetSocketAddress server, Socket[] pool, int slot) throws IOException {
        boolean v6 = server.getAddress() instanceof Inet6Address;
        DatagramChannel channel = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            bindToRandomPort(channel, InetAddress.getByAddress(new byte[v6 ? 16 : 4]));
            channel.configureBlocking(false);
            channel.connect(server);
            Socket socket;
            synchronized (readerLock) {
                socket = new Socket(channel, server, ++serials, pool, slot);
                openSockets.incrementAndGet();
                toRegister.add(socket);
                if (selector == null) {
                    selector = Selector.open();
                    Thread reader = new Thread(this::read, "m365-dns-udp");
                    reader.setDaemon(true);
                    reader.start();
                } else {
                    selector.wakeup();
                }
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @param any the wildcard address of the server's family */
    private void bindToRandomPort(DatagramChannel channel, InetAddress any) throws IOException {
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            try {
                channel.bind(new InetSocketAddress(any, 1024 + random.nextInt(65_536 - 1024)));
                return;
            } catch (BindException taken) {
                // Try another port.
            }
        }
        channel.bind(new InetSocketAddress(any, 0)); // the system's choice, random on current systems
    }

    /** The reading thread: hands datagrams over, ends when no socket is left open. */
    private void read() {
        Selector mine;
        synchronized (readerLock) {
            mine = selector;
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        try {
            while (true) {
                synchronized (readerLock) {
                    for (Socket s; (s = toRegister.poll()) != null; ) {
                        try {
                            s.channel.register(mine, SelectionKey.OP_READ, s);
                        } catch (ClosedChannelException closedMeanwhile) {
                            // Its questions ended before it was read from: nothing to wait for.
                        }
                    }
                    if (mine.keys().isEmpty()) { // closed sockets' keys leave at the select before
                        selector = null;
                        mine.close();
                        return;
                    }
                }
                mine.select(IDLE_SELECT_MILLIS);
                Iterator<SelectionKey> ready = mine.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    drain((Socket) key.attachment(), buffer);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The selector itself failed: end this thread; the next socket opened starts another.
            synchronized (readerLock) {
                selector = null;
            }
            try {
                mine.close();
            } catch (IOException ignored) {
                // Already unusable.
            }
            retireAll(); // nobody reads them any more
            failAll(e);
        }
    }

    private void drain(Socket socket, ByteBuffer buffer) {
        while (true) {
            buffer.clear();
            try {
                if (socket.channel.read(buffer) <= 0) {
                    return;
                }
            } catch (IOException e) { // an unreachable port (ICMP) or a closed socket
                fail(socket, e);
                return;
            }
            buffer.flip();
            if (buffer.remaining() < 12) {
                continue;
            }
            Pending question = pending.get(key(socket, buffer.getShort(0) & 0xFFFF));
            if (question != null) {
                byte[] wire = new byte[buffer.remaining()];
                buffer.get(wire);
                hand(() -> deliver(question, wire));
            }
        }
    }

    private void deliver(Pending question, byte[] wire) {
        Message response;
        try {
            response = new Message(wire);
        } catch (IOException | RuntimeException malformed) {
            return; // not an answer to this question: keep listening
        }
        Record asked = question.query.getQuestion();
        Record answered = response.getQuestion();
        if (answered == null || !asked.getName().equals(answered.getName())
                || asked.getType() != answered.getType() || asked.getDClass() != answered.getDClass()) {
            return;
        }
        if (!response.getHeader().getFlag(Flags.TC)) {
            question.future.complete(response);
        } else if (!question.future.isDone()) {
            release(question);
            SimpleResolver tcp = new SimpleResolver(question.socket.server);
            tcp.setTCP(true);
            tcp.setTimeout(question.tcpTimeout);
            tcp.sendAsync(question.query, executor).whenComplete((full, error) -> {
                if (error != null) {
                    question.future.completeExceptionally(error);
                } else {
                    question.future.complete(full);
                }
            });
        }
    }

    private void fail(Socket socket, IOException error) {
        for (Pending question : pending.values()) {
            if (question.socket == socket) {
                hand(() -> question.future.completeExceptionally(error));
            }
        }
        socket.retire();
    }

    private void retireAll() {
        for (Socket[] pool : pools.values()) {
            for (int i = 0; i < pool.length; i++) {
                Socket socket;
                synchronized (pool) {
                    socket = pool[i];
                }
                if (socket != null) {
                    socket.retire();
                }
            }
        }
    }

    private void failAll(Exception error) {
        for (Pending question : pending.values()) {
            hand(() -> question.future.completeExceptionally(error));
        }
    }

    /** Completions run on the executor; one that refuses work (shut down) gets them on this thread. */
    private void hand(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException shutDown) {
            completion.run();
        }
    }

    private void release(Pending question) {
        if (pending.remove(question.key, question)) {
            question.socket.questionEnded();
        }
    }

    /**
     * The last socket closed: the reading thread is woken to end. A thread left waiting in the
     * kernel would hold up the JVM's exit by 300 ms (it waits for threads in native code to stop).
     */
    private void socketClosed() {
        if (openSockets.decrementAndGet() == 0) {
            synchronized (readerLock) {
                if (selector != null) {
                    selector.wakeup();
                }
            }
        }
    }

    /** One socket of a server's pool; its counts are guarded by the pool. */
    private final class Socket {
        final DatagramChannel channel;
        final InetSocketAddress server;
        final long serial;
        private final Socket[] pool;
        private final int slot;
        int uses;
        int inFlight;
        private boolean closed;

        Socket(DatagramChannel channel, InetSocketAddress server, long serial, Socket[] pool, int slot) {
            this.channel = channel;
            this.server = server;
            this.serial = serial;
            this.pool = pool;
            this.slot = slot;
        }

        void questionEnded() {
            synchronized (pool) {
                inFlight--;
                if (inFlight == 0) {
                    closeLocked();
                }
            }
        }

        /** No new question for this socket; closed when its last one ends. */
        void retire() {
            synchronized (pool) {
                uses = USES_PER_SOCKET;
                if (inFlight == 0) {
                    closeLocked();
                }
            }
        }

        private void closeLocked() {
            if (closed) {
                return;
            }
            closed = true;
            if (pool[slot] == this) {
                pool[slot] = null;
            }
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to read from it either way.
            }
            socketClosed();
        }
    }

    /** A question in flight; compared by identity, so that a late copy never removes its successor. */
    private static final class Pending {
        final Socket socket;
        final long key;
        final Message query;
        final CompletableFuture<Message> future;
        final Duration tcpTimeout;

        Pending(Socket socket, long key, Message query, CompletableFuture<Message> future, Duration tcpTimeout) {
            this.socket = socket;
            this.key = key;
            this.query = query;
            this.future = future;
            this.tcpTimeout = tcpTimeout;
        }
    }
}
