package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import io.chatwire.server.UdpMember.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP relay: delivery, notices and every kind of datagram it must drop. */
class RelayTest {
  private static final Duration WAIT = Duration.ofSeconds(3);
  private static final Duration QUIET = Duration.ofMillis(300);

  private ChatServer server;
  private final List<UdpMember> members = new ArrayList<>();
  private UdpMember alice;
  private UdpMember bob;
  private UdpMember carol;
  private String aliceToken;

  /** The relay threads the server runs with; a subclass runs every test with more. */
  int relayThreads() {
    return 1;
  }

  @BeforeEach
  void start() throws IOException {
    server = ChatServer.start(Tcrp.loopback().withRelayThreads(relayThreads()));
    aliceToken = Tcrp.create(server.tcpPort(), "茶室", "alice");
    alice = member("茶室", aliceToken);
    alice.heartbeat();
    Await.heartbeats(server, 1);
    bob = member("茶室", Tcrp.join(server.tcpPort(), "茶室", "bob"));
    bob.heartbeat();
    Await.heartbeats(server, 2);
    carol = member("茶室", Tcrp.join(server.tcpPort(), "茶室", "キャロル"));
    carol.heartbeat();
    Await.heartbeats(server, 3);
    // alice saw both joins, bob saw carol's
    assertThat(alice.drain(QUIET))
        .extracting(Received::text)
        .containsExactly("bob joined", "キャロル joined");
    assertThat(bob.drain(QUIET)).extracting(Received::text).containsExactly("キャロル joined");
  }

  @AfterEach
  void stop() {
    members.forEach(UdpMember::close);
    server.close();
  }

  private UdpMember member(String room, String token) throws IOException {
    return member(InetAddress.getLoopbackAddress(), room, token);
  }

  private UdpMember member(InetAddress bind, String room, String token) throws IOException {
    UdpMember m = new UdpMember(bind, server.udpPort(), room, token);
    members.add(m);
    return m;
  }

  @Test
  void messageReachesEveryOtherMemberExactlyOnce() throws IOException {
    String text = "こんにちは世界 🎉👋🏽 ça va?";
    alice.say(text);
    for (UdpMember other : List.of(bob, carol)) {
      Received r = other.receive(WAIT);
      assertThat(r).isEqualTo(new Received(Kind.MESSAGE, "alice", text));
      assertThat(other.receive(QUIET)).as("no duplicate").isNull();
    }
    assertThat(alice.receive(QUIET)).as("sender does not get its own message").isNull();
    assertThat(server.stats().messagesRelayed()).isEqualTo(1);
  }

  @Test
  void messageBytesAreRelayedUntouchedEvenWhenNotUtf8() throws IOException {
    byte[] raw = {(byte) 0xFF, 'h', 'i', (byte) 0xC3};
    carol.sendRaw(UdpMember.datagram("茶室", tokenOf(carol), raw));
    Received r = bob.receive(WAIT);
    assertThat(r.sender()).isEqualTo("キャロル");
    assertThat(r.text()).isEqualTo(new String(raw, StandardCharsets.UTF_8));
  }

  @Test
  void heartbeatIsNotRelayed() throws IOException {
    bob.heartbeat();
    Await.heartbeats(server, 4);
    assertThat(alice.receive(QUIET)).isNull();
    assertThat(carol.receive(QUIET)).isNull();
  }

  @Test
  void memberAddressFollowsTheSourcePort() throws IOException {
    UdpMember bobMoved = member("茶室", tokenOf(bob));
    bobMoved.heartbeat();
    Await.heartbeats(server, 4);
    alice.say("where are you");
    assertThat(bobMoved.receive(WAIT).text()).isEqualTo("where are you");
    assertThat(bob.receive(QUIET)).isNull();
  }

  @Test
  void invalidDatagramsAreDroppedSilentlyAndCounted() throws IOException {
    String otherRoomToken = Tcrp.create(server.tcpPort(), "other", "dave");
    UdpMember attacker = member("茶室", "0".repeat(32));
    attacker.say("wrong token");
    UdpMember crossRoom = member("茶室", otherRoomToken);
    crossRoom.say("token of another room");
    UdpMember noRoom = member("nowhere", aliceToken);
    noRoom.say("unknown room");
    attacker.sendRaw(new byte[] {5, 9, 1});
    UdpMember spoofer = member(InetAddress.getByName("127.0.0.2"), "茶室", aliceToken);
    spoofer.say("valid token, other address");
    Await.until("5 drops", () -> server.stats().dropped() >= 5);

    ServerStats stats = server.stats();
    assertThat(stats.droppedBadToken()).isEqualTo(2);
    assertThat(stats.droppedUnknownRoom()).isEqualTo(1);
    assertThat(stats.droppedMalformed()).isEqualTo(1);
    assertThat(stats.droppedWrongAddress()).isEqualTo(1);
    assertThat(stats.messagesRelayed()).isZero();
    for (UdpMember m : List.of(alice, bob, carol, attacker, crossRoom, noRoom, spoofer)) {
      assertThat(m.receive(Duration.ofMillis(100))).as("nothing relayed, no reply").isNull();
    }
    // the spoofed datagram did not move alice's address
    bob.say("still here");
    assertThat(alice.receive(WAIT).text()).isEqualTo("still here");
  }

  @Test
  void messageWhoseRelayWouldPass4096BytesIsDropped() throws IOException {
    String longName = "n".repeat(60);
    UdpMember talker = member("茶室", Tcrp.join(server.tcpPort(), "茶室", longName));
    // The largest ChatDatagram (4096 bytes) with room "茶室" (6 bytes) and a 32-byte token
    // carries 4056 text bytes; relayed under a 60-byte name that is 4118 bytes: dropped.
    int maxText = 4096 - 2 - "茶室".getBytes(StandardCharsets.UTF_8).length - 32;
    talker.say("x".repeat(maxText));
    Await.until("oversize drop", () -> server.stats().droppedOversize() == 1);
    alice.drain(QUIET);
    assertThat(bob.drain(QUIET)).extracting(Received::kind).containsOnly(Kind.NOTICE);
    alice.say("y".repeat(maxText)); // 2 + 5 + 4056 bytes fits
    assertThat(bob.receive(WAIT).text()).hasSize(maxText);
  }

  @Test
  void memberLeavingTellsTheOthers() throws IOException {
    Tcrp.Answer left =
        Tcrp.request(
            server.tcpPort(), Operation.LEAVE, "茶室", "{\"token\":\"" + tokenOf(bob) + "\"}");
    assertThat(left.status()).isEqualTo(200);
    assertThat(alice.receive(WAIT)).isEqualTo(new Received(Kind.NOTICE, "", "bob left"));
    assertThat(carol.receive(WAIT)).isEqualTo(new Received(Kind.NOTICE, "", "bob left"));
    bob.say("ghost");
    Await.until("bob's token dropped", () -> server.stats().droppedBadToken() == 1);
    assertThat(alice.receive(QUIET)).isNull();
  }

  private static String tokenOf(UdpMember m) {
    return m.token();
  }
}
