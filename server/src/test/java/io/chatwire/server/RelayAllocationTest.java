package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures what the relay threads (the event loop with one) allocate per relayed datagram
 * (HotSpot's per-thread allocation counter): the relay path is meant to allocate nothing of its
 * own.
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

  @ParameterizedTest(name = "{0} relay thread(s)")
  @ValueSource(ints = {1, 2})
  void relayAllocatesAlmostNothingPerDatagram(int relayThreads) throws IOException {
    double perDatagram = measure(relayThreads, false);
    // Not zero: each select wakeup, the stats snapshot and the 4-per-second sweep allocate a
    // little; an allocation per datagram (a String, an array, an address) would be 24+ bytes.
    assertThat(perDatagram).isLessThan(16.0);
  }

  /**
   * Senders taking turns defeat the one-entry cache of the source address inside Java 17's {@code
   * DatagramChannel.receive}: it then decodes a new {@code InetSocketAddress} per datagram. That is
   * the JDK's allocation, not the relay's (which stays at none); this pins its size so that a
   * regression of our own would show. Batched I/O matches members on the raw address the kernel
   * wrote, so there it stays at nothing.
   */
  @ParameterizedTest(name = "{0} relay thread(s)")
  @ValueSource(ints = {1, 2})
  void interleavedSendersCostOnlyTheJdksSourceAddress(int relayThreads) throws IOException {
    double perDatagram = measure(relayThreads, true);
    assertThat(perDatagram).isLessThan(server.relayIo() == RelayIo.BATCH ? 16.0 : 160.0);
  }

  /** A member over its rate: every datagram dropped, a slow-down notice every 5 s. */
  @ParameterizedTest(name = "{0} relay thread(s)")
  @ValueSource(ints = {1, 2})
  void floodOverTheRateAllocatesAlmostNothingPerDatagram(int relayThreads) throws IOException {
    ServerOptions limited =
        Tcrp.loopback().toBuilder()
            .maxRate(ServerOptions.DEFAULT_MAX_RATE)
            .exemptIps(IpRanges.none())
            .build();
    double perDatagram = measure(limited, relayThreads, false);
    assertThat(server.stats().droppedRate()).isPositive();
    assertThat(perDatagram).isLessThan(16.0);
  }

  private double measure(int relayThreads, boolean interleaved) throws IOException {
    return measure(Tcrp.loopback(), relayThreads, interleaved);
  }

  private double measure(ServerOptions options, int relayThreads, boolean interleaved)
      throws IOException {
    server = ChatServer.start(options.withRelayThreads(relayThreads));
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
    long[] relays = server.relayThreadIds();
    UdpMember[] senders =
        interleaved ? new UdpMember[] {alice, bob, carol} : new UdpMember[] {alice};
    send(WARMUP, senders);
    long received0 = server.stats().datagramsReceived();
    long bytes0 = allocated(threads, relays);
    send(MEASURED, senders);
    long received1 = server.stats().datagramsReceived();
    long bytes1 = allocated(threads, relays);

    long datagrams = received1 - received0;
    double perDatagram = (double) (bytes1 - bytes0) / datagrams;
    System.out.printf(
        "relay allocation, %d relay thread(s), %d sender(s): %d bytes for %d datagrams"
            + " = %.1f bytes/datagram%n",
        relayThreads, senders.length, bytes1 - bytes0, datagrams, perDatagram);
    assertThat(datagrams).isPositive();
    return perDatagram;
  }

  private static long allocated(com.sun.management.ThreadMXBean threads, long[] ids) {
    long sum = 0;
    for (long bytes : threads.getThreadAllocatedBytes(ids)) {
      sum += bytes;
    }
    return sum;
  }

  private void send(int n, UdpMember... senders) throws IOException {
    long before = server.stats().datagramsReceived();
    for (int i = 0; i < n; i++) {
      senders[i % senders.length].say("message number " + (i % 10));
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
