// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;

/**
 * A real DNS server on 127.0.0.1, UDP and TCP on the same ephemeral port, built on dnsjava's message
 * classes (after dnsjava's own loopback tests and Apache James jSPF's DNSTestingServer). What it
 * answers is up to a {@link Responder}; it adds the wire behaviour: a delay on every answer (answers
 * are delayed independently, so concurrent questions overlap), truncation of UDP answers that do not
 * fit, and silence for questions the responder drops.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    /** Answers one query; an empty result means "never answer" (the client times out). */
    @FunctionalInterface
    public interface Responder {
        Optional<Message> respond(Message query, Transport transport);
    }

    public enum Transport { UDP, TCP }

    /** What the UDP socket asks the kernel to buffer (see the constructor). */
    static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private final Responder responder;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ScheduledExecutorService workers;
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    /** While set and not released, every answer waits for it (see {@link #holdAnswers()}). */
    private volatile CountDownLatch held;
    private volatile boolean closed;

    private LoopbackDnsServer(Responder responder) throws IOException {
        this.responder = responder;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // Bind TCP first on an ephemeral port, then UDP on the same number (retry if that one is taken).
        ServerSocket tcpSocket = null;
        DatagramSocket udpSocket = null;
        for (int attempt = 0; attempt < 20 && udpSocket == null; attempt++) {
            tcpSocket = new ServerSocket(0, 50, loopback);
            try {
                udpSocket = new DatagramSocket(new InetSocketAddress(loopback, tcpSocket.getLocalPort()));
            } catch (SocketException taken) {
                tcpSocket.close();
            }
        }
        if (udpSocket == null) {
            throw new IOException("no free port for UDP and TCP together");
        }
        this.tcp = tcpSocket;
        this.udp = udpSocket;
        // A resolver's buffer, not a desktop socket's default (~208 KB on Linux, a few hundred datagrams):
        // resolvers are run with several MB (Unbound's so-rcvbuf, BIND's defaults), and with the default a
        // batch's bursts overflowed this one socket while its single reader waited for a busy processor.
        // Linux caps the request at net.core.rmem_max; loss is still tested, on purpose, by responders.
        udpSocket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        this.workers = Executors.newScheduledThreadPool(8, r -> {
            Thread t = new Thread(r, "loopback-dns");
            t.setDaemon(true);
            return t;
        });
        startThread(this::serveUdp, "loopback-dns-udp");
        startThread(this::serveTcp, "loopback-dns-tcp");
    }

    public static LoopbackDnsServer start(Responder responder) throws IOException {
        return new LoopbackDnsServer(responder);
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, the form {@code --resolver} takes. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Delays every answer by this much, each independently of the others. */
    public LoopbackDnsServer withDelay(Duration answerDelay) {
        this.delay = answerDelay;
        return this;
    }

    /**
     * Keeps every answer back until {@link #releaseAnswers()}: a test can then look at "still
     * running" without racing the answers (a fixed delay is lost when the machine is busy).
     */
    public LoopbackDnsServer holdAnswers() {
        this.held = new CountDownLatch(1);
        return this;
    }

    /** Sends every answer held back by {@link #holdAnswers()}, and answers at once from now on. */
    public void releaseAnswers() {
        CountDownLatch gate = held;
        if (gate != null) {
            gate.countDown();
        }
    }

    private void awaitRelease() {
        CountDownLatch gate = held;
        if (gate == null) {
            return;
        }
        try {
            gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Questions received over UDP and TCP together. */
    public int queryCount() {
        return queries.get();
    }

    public int tcpQueryCount() {
        return tcpQueries.get();
    }

    public void resetCounts() {
        queries.set(0);
        tcpQueries.set(0);
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                byte[] wire = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
                queries.incrementAndGet();
                schedule(() -> answerUdp(wire, client));
            } catch (IOException e) {
                if (!closed) {
                    sleepBriefly();
                }
            }
        }
    }

    private void answerUdp(byte[] wire, InetSocketAddress client) {
        try {
            Message query = new Message(wire);
            Optional<Message> answer = responder.respond(query, Transport.UDP);
            if (answer.isEmpty()) {
                return;
            }
            byte[] out = answer.get().toWire();
            int limit = udpLimit(query);
            if (out.length > limit) {
                out = truncated(answer.get()).toWire();
            }
            udp.send(new DatagramPacket(out, out.length, client));
        } catch (IOException | RuntimeException e) {
            // A malformed query or a closed socket: nothing to answer.
        }
    }

    private void serveTcp() {
        while (!closed) {
            try {
                Socket socket = tcp.accept();
                workers.execute(() -> serveConnection(socket));
            } catch (IOException e) {
                if (!closed) {
                    sleepBriefly();
                }
            }
        }
    }

    private void serveConnection(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (!closed) {
                int length = in.readUnsignedShort();
                byte[] wire = in.readNBytes(length);
                queries.incrementAndGet();
                tcpQueries.incrementAndGet();
                Optional<Message> answer = responder.respond(new Message(wire), Transport.TCP);
                if (answer.isEmpty()) {
                    continue;
                }
                sleep(delay);
                awaitRelease();
                byte[] bytes = answer.get().toWire();
                if (bytes.length > 65535) {
                    // What NSD does with an RRset over 64 KB: TC even over TCP, nothing of the answer.
                    bytes = truncated(answer.get()).toWire();
                }
                out.writeShort(bytes.length);
                out.write(bytes);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // Client closed the connection or sent garbage.
        }
    }

    private void schedule(Runnable answer) {
        Runnable task = () -> {
            awaitRelease();
            answer.run();
        };
        long millis = delay.toMillis();
        if (millis > 0) {
            workers.schedule(task, millis, TimeUnit.MILLISECONDS);
        } else {
            workers.execute(task);
        }
    }

    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? 512 : Math.max(512, opt.getPayloadSize());
    }

    private static Message truncated(Message full) {
        Message small = new Message(full.getHeader().getID());
        small.getHeader().setRcode(full.getHeader().getRcode());
        small.getHeader().setFlag(Flags.QR);
        small.getHeader().setFlag(Flags.TC);
        if (full.getHeader().getFlag(Flags.AA)) {
            small.getHeader().setFlag(Flags.AA);
        }
        if (full.getQuestion() != null) {
            small.addRecord(full.getQuestion(), Section.QUESTION);
        }
        return small;
    }

    private void startThread(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleepBriefly() {
        sleep(Duration.ofMillis(5));
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdownNow();
    }
}
