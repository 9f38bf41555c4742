// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** dnsjava's one-time set-up, to be done ahead of the first question where a second core is free. */
public final class DnsLibrary {

    private DnsLibrary() {
    }

    /**
     * Builds and reads back one query, and opens and closes one datagram channel, one selector and the
     * transport's random generator: dnsjava's tables of record types and classes, names and messages,
     * and NIO's classes and native parts are set up on first use, tens of milliseconds in a fresh
     * process. A command that will ask DNS calls this on another thread while it reads its options, so
     * the first question goes out sooner. Sends nothing.
     */
    public static void prepare() {
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("example."), Type.TXT, DClass.IN));
            new Message(query.toWire());
            DatagramChannel.open(StandardProtocolFamily.INET).close();
            Selector.open().close();
            new SecureRandom().nextInt();
        } catch (IOException e) {
            // Nothing is lost: the first real question sets up whatever is left.
        }
    }
}
