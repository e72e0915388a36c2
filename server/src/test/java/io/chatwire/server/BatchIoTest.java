package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatwire.protocol.Kind;
import io.chatwire.server.UdpMember.Received;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only batched I/O does: many datagrams per receive, fan-outs larger than one send call,
 * members matched on raw addresses, and the one-line refusal where it is not available. The
 * batch-only tests run in the server's second test run, on Java 22+ (see the pom); every other
 * server test runs there in batch mode too.
 */
class BatchIoTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofMillis(300);

  private ChatServer server;
  private final List<UdpMember> members = new ArrayList<>();

  @AfterEach
  void stop() {
    members.forEach(UdpMember::close);
    if (server != null) {
      server.close();
    }
  }

  private void startBatch(int relayThreads) throws IOException {
    assumeTrue(BatchSockets.available(), BatchSockets::unavailableReason);
    server = ChatServer.start(Tcrp.loopback().withIo(RelayIo.BATCH).withRelayThreads(relayThreads));
    assertThat(server.relayIo()).isEqualTo(RelayIo.BATCH);
  }

  /** A room of {@code size} registered members, each having drained the join notices. */
  private void room(String name, int size) throws IOException {
    for (int i = 0; i < size; i++) {
      String token =
          i == 0
              ? Tcrp.create(server.tcpPort(), name, "m0")
              : Tcrp.join(server.tcpPort(), name, "m" + i);
      UdpMember m = new UdpMember(server.udpPort(), name, token);
      members.add(m);
      m.heartbeat();
      Await.heartbeats(server, members.size());
    }
    for (UdpMember m : members) {
      m.drain(Duration.ofMillis(50));
    }
  }

  private static List<Received> receive(UdpMember m, int count) throws IOException {
    List<Received> got = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Received r = m.receive(WAIT);
      if (r == null) {
        break;
      }
      got.add(r);
    }
    return got;
  }

  private static List<Received> messages(String sender, int count) {
    List<Received> expected = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      expected.add(new Received(Kind.MESSAGE, sender, "burst " + n));
    }
    return expected;
  }

  @Test
  void aBurstLongerThanOneReceiveArrivesCompleteAndInOrder() throws IOException {
    startBatch(1);
    room("burst", 3);
    int count = 5 * BatchSocket.Receiver.CAPACITY;
    for (int n = 0; n < count; n++) {
      members.get(0).say("burst " + n);
    }
    for (UdpMember m : members.subList(1, 3)) {
      assertThat(receive(m, count)).isEqualTo(messages("m0", count));
      assertThat(m.drain(QUIET)).isEmpty();
    }
    assertThat(members.get(0).drain(QUIET)).isEmpty();
    ServerStats stats = server.stats();
    assertThat(stats.messagesRelayed()).isEqualTo(count);
    assertThat(stats.datagramsSent()).isGreaterThanOrEqualTo(2L * count);
    assertThat(stats.sendFailures()).isZero();
  }

  @Test
  void aFanOutLargerThanOneSendCallReachesEveryone() throws IOException {
    startBatch(1);
    // 64 datagrams x 39 recipients = 2496 deliveries: more than the 1024 one sendmmsg takes.
    int size = 40;
    room("crowd", size);
    int count = 2 * BatchSocket.Receiver.CAPACITY;
    for (int n = 0; n < count; n++) {
      members.get(0).say("burst " + n);
    }
    for (UdpMember m : members.subList(1, size)) {
      assertThat(receive(m, count)).isEqualTo(messages("m0", count));
    }
    assertThat(server.stats().sendFailures()).isZero();
  }

  @Test
  void membersTakingTurnsAreEachMatchedOnTheirOwnAddress() throws IOException {
    startBatch(2);
    int size = 8;
    int each = 20;
    room("turns", size);
    for (int n = 0; n < each; n++) {
      for (int i = 0; i < size; i++) {
        members.get(i).say("from m" + i + " #" + n);
      }
    }
    for (int i = 0; i < size; i++) {
      List<Received> got = receive(members.get(i), (size - 1) * each);
      assertThat(got).hasSize((size - 1) * each);
      for (int j = 0; j < size; j++) {
        String sender = "m" + j;
        List<String> fromJ =
            got.stream().filter(r -> r.sender().equals(sender)).map(Received::text).toList();
        if (j == i) {
          assertThat(fromJ).isEmpty();
        } else {
          List<String> expected = new ArrayList<>();
          for (int n = 0; n < each; n++) {
            expected.add("from m" + j + " #" + n);
          }
          // One sender's datagrams reach one socket (the kernel hashes its address): in order.
          assertThat(fromJ).isEqualTo(expected);
        }
      }
    }
    assertThat(server.stats().droppedWrongAddress()).isZero();
  }

  @Test
  void autoPicksBatchWhereItIsAvailable() throws IOException {
    server = ChatServer.start(Tcrp.loopback().withIo(RelayIo.AUTO));
    assertThat(server.relayIo())
        .isEqualTo(BatchSockets.available() ? RelayIo.BATCH : RelayIo.PORTABLE);
  }

  @Test
  void aTakenPortIsABindException() throws IOException {
    startBatch(1);
    assertThatThrownBy(
            () ->
                ChatServer.start(
                    Tcrp.loopback().withIo(RelayIo.BATCH).withUdpPort(server.udpPort())))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("Address already in use");
  }

  @Test
  void batchWhereItIsNotAvailableIsRefusedInOneLine() {
    assumeFalse(BatchSockets.available());
    assertThatThrownBy(() -> ChatServer.start(Tcrp.loopback().withIo(RelayIo.BATCH)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("--io batch is not available");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ChatServer.run(
            new String[] {"--io", "batch", "--tcp-port", "0", "--udp-port", "0"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    String line = err.toString(StandardCharsets.UTF_8);
    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .startsWith("chatwire-server: --io batch is not available: ")
        .contains(BatchSockets.unavailableReason());
  }
}
