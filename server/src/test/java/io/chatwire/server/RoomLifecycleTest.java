package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import io.chatwire.server.UdpMember.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rooms closing: the host leaving, members and hosts expiring, the server stopping. */
class RoomLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(3);
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration IDLE = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock();
  private ChatServer server;
  private final List<UdpMember> members = new ArrayList<>();
  private UdpMember host;
  private UdpMember bob;
  private UdpMember carol;

  /** The relay threads the server runs with; a subclass runs every test with more. */
  int relayThreads() {
    return 1;
  }

  @BeforeEach
  void start() throws IOException {
    server =
        ChatServer.start(
            Tcrp.loopback()
                .withIdleTimeout(IDLE)
                .withRelayThreads(relayThreads())
                .withClock(clock));
    host = member(Tcrp.create(server.tcpPort(), "room", "host"));
    bob = member(Tcrp.join(server.tcpPort(), "room", "bob"));
    carol = member(Tcrp.join(server.tcpPort(), "room", "carol"));
    for (UdpMember m : members) {
      m.heartbeat();
    }
    Await.heartbeats(server, 3);
  }

  @AfterEach
  void stop() {
    members.forEach(UdpMember::close);
    server.close();
  }

  private UdpMember member(String token) throws IOException {
    UdpMember m = new UdpMember(server.udpPort(), "room", token);
    members.add(m);
    return m;
  }

  @Test
  void hostLeavingClosesTheRoomForEveryone() throws IOException {
    Tcrp.Answer a =
        Tcrp.request(
            server.tcpPort(), Operation.LEAVE, "room", "{\"token\":\"" + host.token() + "\"}");
    assertThat(a.status()).isEqualTo(200);
    for (UdpMember m : List.of(bob, carol)) {
      Received r = m.receive(WAIT);
      assertThat(r.kind()).isEqualTo(Kind.CLOSED);
      assertThat(r.sender()).isEmpty();
      assertThat(m.receive(QUIET)).isNull();
    }
    assertThat(Tcrp.request(server.tcpPort(), Operation.JOIN, "room", "dave").status())
        .isEqualTo(404);
    assertThat(server.stats().rooms()).isZero();
    assertThat(server.stats().members()).isZero();
    bob.say("anyone?");
    Await.until("dropped", () -> server.stats().droppedUnknownRoom() == 1);
  }

  @Test
  void silentMemberExpiresAndTheOthersAreTold() throws IOException {
    clock.advance(IDLE.dividedBy(2));
    host.heartbeat();
    carol.heartbeat();
    Await.heartbeats(server, 5);
    clock.advance(IDLE.dividedBy(2).plusMillis(1));
    assertThat(bob.receive(WAIT))
        .isEqualTo(new Received(Kind.EXPIRED, "", "you were removed for inactivity"));
    assertThat(host.receive(WAIT)).isEqualTo(new Received(Kind.NOTICE, "", "bob timed out"));
    assertThat(carol.receive(WAIT)).isEqualTo(new Received(Kind.NOTICE, "", "bob timed out"));
    bob.say("hello?");
    Await.until("bob's token dropped", () -> server.stats().droppedBadToken() == 1);
    assertThat(host.receive(QUIET)).isNull();
    assertThat(server.stats().members()).isEqualTo(2);
  }

  @Test
  void silentHostClosesTheRoom() throws IOException {
    clock.advance(IDLE.minusSeconds(1));
    bob.heartbeat();
    carol.heartbeat();
    Await.heartbeats(server, 5);
    clock.advance(Duration.ofSeconds(2));
    assertThat(host.receive(WAIT).kind()).isEqualTo(Kind.EXPIRED);
    assertThat(bob.receive(WAIT).kind()).isEqualTo(Kind.CLOSED);
    assertThat(carol.receive(WAIT).kind()).isEqualTo(Kind.CLOSED);
    Await.until("room gone", () -> server.stats().rooms() == 0);
  }

  @Test
  void memberWithinTheTimeoutStays() throws IOException {
    clock.advance(IDLE);
    assertThat(bob.receive(Duration.ofMillis(600))).isNull();
    assertThat(server.stats().members()).isEqualTo(3);
  }

  @Test
  void stoppingTheServerClosesEveryRoom() throws IOException {
    server.close();
    for (UdpMember m : members) {
      assertThat(m.receive(WAIT).kind()).isEqualTo(Kind.CLOSED);
    }
    assertThat(server.isRunning()).isFalse();
  }
}
