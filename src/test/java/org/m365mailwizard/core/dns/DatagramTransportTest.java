// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.testsupport.BackgroundWork;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The UDP transport against a hand-driven server on loopback: a raw socket that sees every query's
 * source port and ID and sends exactly the datagrams a test wants, forged ones included.
 */
class DatagramTransportTest {

    private static final Duration TCP_TIMEOUT = Duration.ofSeconds(2);

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dns-test");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService inOrder = Executors.newSingleThreadExecutor();
    private final List<DatagramSocket> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(DatagramSocket::close);
        executor.shutdownNow();
        inOrder.shutdownNow();
    }

    @Test
    void concurrentQuestionsShareAFewRandomPortsAndEachPortCarriesOnlyAFew() throws Exception {
        DatagramSocket server = serverSocket();
        DatagramTransport transport = new DatagramTransport(executor);
        int questions = 200;
        List<CompletableFuture<Message>> answers = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            answers.add(transport.exchange(address(server), query("host" + i + ".example.test."), TCP_TIMEOUT));
        }
        // Every question is in flight at once: the server answers only once it has them all.
        List<DatagramPacket> received = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            received.add(receive(server));
        }
        Map<Integer, Set<Integer>> idsByPort = new HashMap<>();
        for (DatagramPacket packet : received) {
            Message query = queryIn(packet);
            assertThat(idsByPort.computeIfAbsent(packet.getPort(), p -> new HashSet<>()).add(query.getHeader().getID()))
                    .as("an ID is never used twice at once on one port").isTrue();
            assertThat(query.getOPT()).as("EDNS, as dnsjava's resolver sends it").isNotNull();
            assertThat(query.getOPT().getPayloadSize()).isEqualTo(DatagramTransport.EDNS_PAYLOAD);
            reply(server, packet, answer(query, "192.0.2.1"));
        }
        for (CompletableFuture<Message> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).getSection(Section.ANSWER)).hasSize(1);
        }

        assertThat(idsByPort.values()).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(DatagramTransport.USES_PER_SOCKET));
        int fewest = (questions + DatagramTransport.USES_PER_SOCKET - 1) / DatagramTransport.USES_PER_SOCKET;
        assertThat(idsByPort).as("source ports").hasSizeBetween(fewest, DatagramTransport.SOCKETS_PER_SERVER + fewest);
        assertThat(idsByPort.keySet()).allSatisfy(port -> assertThat(port).isGreaterThanOrEqualTo(1024));
        BackgroundWork.await("every socket closed once nothing is in flight", () -> transport.openSockets() == 0);
    }

    @Test
    void forgedAndStrayDatagramsAreIgnoredAndTheQuestionKeepsListening() throws Exception {
        DatagramSocket server = serverSocket();
        DatagramSocket impostor = serverSocket();
        // One thread hands the datagrams over in the order they came, so a forged one taken would be the answer.
        DatagramTransport transport = new DatagramTransport(inOrder);

        CompletableFuture<Message> answer = transport.exchange(address(server), query("www.example.test."), TCP_TIMEOUT);
        DatagramPacket packet = receive(server);
        Message query = queryIn(packet);

        Message wrongId = answer(query, "203.0.113.66");
        wrongId.getHeader().setID((query.getHeader().getID() + 1) & 0xFFFF);
        reply(server, packet, wrongId);
        Message wrongName = new Message(query.getHeader().getID());
        wrongName.getHeader().setFlag(Flags.QR);
        wrongName.addRecord(Record.newRecord(Name.fromString("evil.example.test."), Type.A, DClass.IN), Section.QUESTION);
        wrongName.addRecord(new ARecord(Name.fromString("www.example.test."), DClass.IN, 300,
                InetAddress.getByName("203.0.113.66")), Section.ANSWER);
        reply(server, packet, wrongName);
        // Right ID and question, from another port: the socket is connected, so the kernel drops it.
        reply(impostor, packet, answer(query, "203.0.113.66"));
        byte[] garbage = {1, 2, 3, 4, 5};
        server.send(new DatagramPacket(garbage, garbage.length, packet.getSocketAddress()));

        reply(server, packet, answer(query, "192.0.2.1"));

        Message response = answer.get(20, TimeUnit.SECONDS);
        assertThat(((ARecord) response.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
                .isEqualTo("192.0.2.1");
    }

    @Test
    void anUnreachablePortFailsTheQuestionAtOnceInsteadOfAfterItsTimeout() throws Exception {
        InetSocketAddress nobody = portNobodyListensOn();
        DatagramTransport transport = new DatagramTransport(executor);

        CompletableFuture<Message> answer = transport.exchange(nobody, query("www.example.test."), TCP_TIMEOUT);

        assertThatThrownBy(() -> answer.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PortUnreachableException.class);
        BackgroundWork.await("the failed socket closed", () -> transport.openSockets() == 0);
    }

    @Test
    void anIpv6ServerIsAskedFromAnIpv6Socket() throws Exception {
        DatagramSocket server;
        try {
            server = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException noIpv6) {
            Assumptions.abort("this machine has no IPv6 loopback: " + noIpv6);
            return;
        }
        server.setSoTimeout(20_000);
        sockets.add(server);
        DatagramTransport transport = new DatagramTransport(executor);

        CompletableFuture<Message> answer = transport.exchange(
                new InetSocketAddress(InetAddress.getByName("::1"), server.getLocalPort()), query("www.example.test."), TCP_TIMEOUT);
        DatagramPacket packet = receive(server);
        reply(server, packet, answer(queryIn(packet), "192.0.2.1"));

        assertThat(answer.get(20, TimeUnit.SECONDS).getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void aServerNameThatDidNotResolveFailsTheQuestionInsteadOfThrowing() {
        DatagramTransport transport = new DatagramTransport(executor);

        CompletableFuture<Message> answer = transport.exchange(InetSocketAddress.createUnresolved("dns.invalid", 53),
                new Message(), TCP_TIMEOUT);

        assertThat(answer).isCompletedExceptionally();
        assertThat(transport.openSockets()).isZero();
    }

    @Test
    void everyQuestionOnASocketFailsWhenItsPortIsUnreachableNotOnlyTheOneThatReadTheError() throws Exception {
        InetSocketAddress nobody = portNobodyListensOn();
        DatagramTransport transport = new DatagramTransport(executor);

        // More questions than sockets: they share sockets, and a later send on one reads the error an earlier
        // question's datagram caused. None may be left waiting (the transport has no timeout of its own).
        List<CompletableFuture<Message>> answers = new ArrayList<>();
        for (int i = 0; i < 4 * DatagramTransport.SOCKETS_PER_SERVER; i++) {
            answers.add(transport.exchange(nobody, query("host" + i + ".example.test."), TCP_TIMEOUT));
        }

        for (CompletableFuture<Message> answer : answers) {
            assertThatThrownBy(() -> answer.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PortUnreachableException.class);
        }
        BackgroundWork.await("every failed socket closed", () -> transport.openSockets() == 0);
    }

    @Test
    void aCancelledQuestionIsForgottenAndItsSocketClosed() throws Exception {
        DatagramSocket server = serverSocket();
        DatagramTransport transport = new DatagramTransport(executor);

        CompletableFuture<Message> answer = transport.exchange(address(server), query("www.example.test."), TCP_TIMEOUT);
        DatagramPacket packet = receive(server);
        assertThat(transport.openSockets()).isEqualTo(1);

        answer.cancel(false);

        BackgroundWork.await("the socket closed", () -> transport.openSockets() == 0);
        Message late = answer(queryIn(packet), "192.0.2.1");
        reply(server, packet, late); // to a closed port: nobody is listening, nothing breaks
        CompletableFuture<Message> next = transport.exchange(address(server), query("mail.example.test."), TCP_TIMEOUT);
        DatagramPacket second = receive(server);
        reply(server, second, answer(queryIn(second), "192.0.2.2"));
        assertThat(next.get(20, TimeUnit.SECONDS).getSection(Section.ANSWER)).hasSize(1);
        assertThat(second.getPort()).as("a new socket, on a new random port").isNotEqualTo(packet.getPort());
    }

    private DatagramSocket serverSocket() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(20_000);
        sockets.add(socket);
        return socket;
    }

    /** A loopback port that was just free: a datagram sent there is answered by the kernel's "port unreachable". */
    private InetSocketAddress portNobodyListensOn() throws IOException {
        DatagramSocket closed = serverSocket();
        InetSocketAddress nobody = address(closed);
        closed.close();
        return nobody;
    }

    private static Message queryIn(DatagramPacket packet) throws IOException {
        return new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
    }

    private static InetSocketAddress address(DatagramSocket socket) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private static DatagramPacket receive(DatagramSocket server) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        server.receive(packet);
        return packet;
    }

    private static void reply(DatagramSocket from, DatagramPacket to, Message response) throws IOException {
        byte[] wire = response.toWire();
        from.send(new DatagramPacket(wire, wire.length, to.getSocketAddress()));
    }

    private static Message query(String name) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
    }

    private static Message answer(Message query, String address) throws IOException {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        response.addRecord(new ARecord(query.getQuestion().getName(), DClass.IN, 300, InetAddress.getByName(address)),
                Section.ANSWER);
        return response;
    }
}
