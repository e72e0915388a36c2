package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Kind;
import io.chatwire.server.UdpMember.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two relay threads on two SO_REUSEPORT sockets: members whose datagrams the kernel hands to
 * different sockets still get every message exactly once, and closing stops every thread.
 */
class RelayThreadsTest {
  private static final Duration WAIT = Duration.ofSeconds(3);
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final int MAX_MEMBERS = 40;
  private static final int MESSAGES_EACH = 5;

  private ChatServer server;
  private final List<UdpMember> members = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = ChatServer.start(Tcrp.loopback().withRelayThreads(2));
    assertThat(server.relayThreadIds()).hasSize(2);
    assertThat(server.liveRelayThreads()).isEqualTo(2);
  }

  @AfterEach
  void stop() {
    members.forEach(UdpMember::close);
    server.close();
  }

  /**
   * Adds members until the kernel has put at least one on each socket (it hashes the source
   * address, so a fresh port lands on either with even odds; 40 tries all failing is 2^-39).
   */
  private void roomSpreadOverBothSockets() throws IOException {
    for (int i = 0; i < MAX_MEMBERS && !(members.size() >= 4 && bothSocketsUsed()); i++) {
      String name = "m" + i;
      String token =
          i == 0
              ? Tcrp.create(server.tcpPort(), "spread", name)
              : Tcrp.join(server.tcpPort(), "spread", name);
      UdpMember m = new UdpMember(server.udpPort(), "spread", token);
      members.add(m);
      names.add(name);
      m.heartbeat();
      Await.heartbeats(server, members.size());
    }
    assertThat(bothSocketsUsed()).as("datagrams reached both sockets").isTrue();
    for (UdpMember m : members) {
      m.drain(Duration.ofMillis(50)); // join notices
    }
  }

  private boolean bothSocketsUsed() {
    long[] received = server.receivedPerRelay();
    return received[0] > 0 && received[1] > 0;
  }

  @Test
  void membersOnDifferentSocketsGetEveryMessageExactlyOnce() throws IOException {
    roomSpreadOverBothSockets();
    for (int n = 0; n < MESSAGES_EACH; n++) {
      for (int i = 0; i < members.size(); i++) {
        members.get(i).say("message " + n + " from " + names.get(i) + " ✓");
      }
    }
    for (int i = 0; i < members.size(); i++) {
      List<Received> expected = new ArrayList<>();
      for (int j = 0; j < members.size(); j++) {
        for (int n = 0; n < MESSAGES_EACH && j != i; n++) {
          expected.add(
              new Received(
                  Kind.MESSAGE, names.get(j), "message " + n + " from " + names.get(j) + " ✓"));
        }
      }
      List<Received> got = new ArrayList<>();
      for (int k = 0; k < expected.size(); k++) {
        Received r = members.get(i).receive(WAIT);
        assertThat(r).as("message %d of %d at %s", k, expected.size(), names.get(i)).isNotNull();
        got.add(r);
      }
      assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(members.get(i).receive(QUIET)).as("no duplicate, no echo").isNull();
    }
    assertThat(server.stats().messagesRelayed()).isEqualTo((long) MESSAGES_EACH * members.size());
  }

  @Test
  void joinNoticeAndLeaveReachMembersOnEitherSocket() throws IOException {
    roomSpreadOverBothSockets();
    String token = Tcrp.join(server.tcpPort(), "spread", "late");
    for (UdpMember m : members) {
      assertThat(m.receive(WAIT)).isEqualTo(new Received(Kind.NOTICE, "", "late joined"));
    }
    UdpMember late = new UdpMember(server.udpPort(), "spread", token);
    members.add(late);
    late.heartbeat();
    Await.heartbeats(server, members.size());
    late.say("hi all");
    for (UdpMember m : members.subList(0, members.size() - 1)) {
      assertThat(m.receive(WAIT)).isEqualTo(new Received(Kind.MESSAGE, "late", "hi all"));
    }
    assertThat(late.receive(QUIET)).isNull();
  }

  @Test
  void closeTellsEveryMemberAndStopsEveryRelayThread() throws IOException {
    roomSpreadOverBothSockets();
    server.close();
    for (UdpMember m : members) {
      assertThat(m.receive(WAIT).kind()).isEqualTo(Kind.CLOSED);
    }
    assertThat(server.isRunning()).isFalse();
    assertThat(server.liveRelayThreads()).isZero();
    ServerStats last = server.stats();
    assertThat(last).isNotNull();
    assertThat(last.heartbeats()).isEqualTo(members.size());
  }
}
