package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Measures what the event loop thread allocates per relayed datagram (HotSpot's per-thread
 * allocation counter): the relay path is meant to allocate nothing of its own.
 */
class RelayAllocationTest {
  private static final int WARMUP = 20_000;
  private static final int MEASURED = 20_000;

  private ChatServer server;
  private UdpMember alice;
  private UdpMember bob;
  private UdpMember carol;

  @AfterEach
  void stop() {
    for (UdpMember m : new UdpMember[] {alice, bob, carol}) {
      if (m != null) {
        m.close();
      }
    }
    server.close();
  }

  @Test
  void relayAllocatesAlmostNothingPerDatagram() throws IOException {
    server =
        ChatServer.start(
            ServerOptions.defaults().withHost("127.0.0.1").withTcpPort(0).withUdpPort(0));
    alice =
        new UdpMember(server.udpPort(), "alloc", Tcrp.create(server.tcpPort(), "alloc", "alice"));
    bob = new UdpMember(server.udpPort(), "alloc", Tcrp.join(server.tcpPort(), "alloc", "bob"));
    carol = new UdpMember(server.udpPort(), "alloc", Tcrp.join(server.tcpPort(), "alloc", "carol"));
    alice.heartbeat();
    bob.heartbeat();
    carol.heartbeat();
    Await.heartbeats(server, 3);

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long loop = server.loopThreadId();
    send(WARMUP);
    long received0 = server.stats().datagramsReceived();
    long bytes0 = threads.getThreadAllocatedBytes(loop);
    send(MEASURED);
    long received1 = server.stats().datagramsReceived();
    long bytes1 = threads.getThreadAllocatedBytes(loop);

    long datagrams = received1 - received0;
    double perDatagram = (double) (bytes1 - bytes0) / datagrams;
    System.out.printf(
        "relay allocation: %d bytes for %d datagrams = %.1f bytes/datagram%n",
        bytes1 - bytes0, datagrams, perDatagram);
    assertThat(datagrams).isPositive();
    // Not zero: each select wakeup, the stats snapshot and the 4-per-second sweep allocate a
    // little; an allocation per datagram (a String, an array, an address) would be 24+ bytes.
    assertThat(perDatagram).isLessThan(16.0);
  }

  private void send(int n) throws IOException {
    long before = server.stats().datagramsReceived();
    for (int i = 0; i < n; i++) {
      alice.say("message number " + (i % 10));
      if (i % 200 == 199) {
        long target = before + i - 400;
        Await.until("relay keeps up", Duration.ofSeconds(10), () -> caughtUp(target));
      }
    }
    long target = before + n - 50;
    Await.until("relay done", Duration.ofSeconds(10), () -> caughtUp(target));
  }

  private boolean caughtUp(long target) {
    return server.stats().datagramsReceived() >= target;
  }
}
