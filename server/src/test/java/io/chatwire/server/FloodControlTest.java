package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Kind;
import io.chatwire.server.UdpMember.Received;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-member flood control through real sockets, with the defaults ({@code --max-rate 20/s}, {@code
 * --max-burst 40}) and a clock that moves only by hand, so that every count is exact.
 */
class FloodControlTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Received SLOW_DOWN =
      new Received(Kind.NOTICE, "", "slow down: 20 messages per second at most");

  private final ManualClock clock = new ManualClock();
  private final List<UdpMember> members = new ArrayList<>();
  private ChatServer server;
  private UdpMember alice;
  private UdpMember bob;
  private UdpMember carol;

  /** The relay threads the server runs with; a subclass runs every test with two. */
  int relayThreads() {
    return 1;
  }

  @BeforeEach
  void start() throws IOException {
    server =
        ChatServer.start(
            Tcrp.loopback().toBuilder()
                .maxRate(ServerOptions.DEFAULT_MAX_RATE)
                .maxBurst(ServerOptions.DEFAULT_MAX_BURST)
                // Tcrp.loopback() exempts 127.0.0.1 from per-address limits; these members are not.
                .exemptIps(IpRanges.none())
                .relayThreads(relayThreads())
                .metricsPort(0)
                .clock(clock)
                .build());
    alice = member(Tcrp.create(server.tcpPort(), "flood", "alice"));
    bob = member(Tcrp.join(server.tcpPort(), "flood", "bob"));
    carol = member(Tcrp.join(server.tcpPort(), "flood", "carol"));
    for (UdpMember m : members) {
      m.heartbeat();
    }
    Await.heartbeats(server, 3);
    for (UdpMember m : members) {
      m.drain(QUIET);
    }
  }

  @AfterEach
  void stop() {
    members.forEach(UdpMember::close);
    server.close();
  }

  private UdpMember member(String token) throws IOException {
    UdpMember m = new UdpMember(server.udpPort(), "flood", token);
    members.add(m);
    return m;
  }

  @Test
  void floodIsCutToTheBurstAndTheFlooderIsToldOnce() throws Exception {
    flood(alice, "a", 100);
    Await.until("100 messages", () -> accepted() + server.stats().droppedRate() == 100);
    assertThat(server.stats().messagesRelayed()).isEqualTo(40);
    assertThat(server.stats().droppedRate()).isEqualTo(60);
    assertThat(texts(bob.drain(QUIET))).hasSize(40).allMatch(t -> t.startsWith("a "));
    assertThat(alice.drain(QUIET)).containsExactly(SLOW_DOWN);
    assertThat(MetricsTest.parse(scrape()))
        .containsEntry("chatwire_datagrams_dropped_total{reason=\"rate\"}", 60.0);
  }

  @Test
  void othersInTheRoomAreServedInFullWhileOneFloods() throws IOException {
    flood(alice, "a", 200);
    flood(bob, "b", 40);
    Await.until("240 messages", () -> accepted() + server.stats().droppedRate() == 240);
    List<String> atCarol = texts(carol.drain(QUIET));
    assertThat(atCarol.stream().filter(t -> t.startsWith("b "))).hasSize(40);
    assertThat(atCarol.stream().filter(t -> t.startsWith("a "))).hasSize(40);
    assertThat(bob.drain(QUIET)).doesNotContain(SLOW_DOWN);
  }

  @Test
  void theBucketRefillsAtTheRateAndTheNoticeComesEveryFiveSecondsAtMost() throws IOException {
    flood(alice, "a", 41); // the burst, and one over
    Await.until("41 messages", () -> accepted() + server.stats().droppedRate() == 41);
    clock.advance(Duration.ofSeconds(1)); // 20 more
    flood(alice, "b", 30);
    Await.until("71 messages", () -> accepted() + server.stats().droppedRate() == 71);
    assertThat(server.stats().messagesRelayed()).isEqualTo(60);
    clock.advance(Duration.ofSeconds(4)); // 5 s after the first notice; the bucket is full again
    flood(alice, "c", 50);
    Await.until("121 messages", () -> accepted() + server.stats().droppedRate() == 121);
    assertThat(server.stats().messagesRelayed()).isEqualTo(100);
    assertThat(server.stats().droppedRate()).isEqualTo(21);
    assertThat(alice.drain(QUIET)).containsExactly(SLOW_DOWN, SLOW_DOWN);
  }

  @Test
  void heartbeatsDoNotCountAgainstTheRate() throws IOException {
    flood(alice, "a", 40);
    for (int i = 0; i < 100; i++) {
      alice.heartbeat();
    }
    Await.until("100 more heartbeats", () -> server.stats().heartbeats() == 103);
    assertThat(server.stats().droppedRate()).isZero();
    assertThat(alice.drain(QUIET)).isEmpty();
    alice.say("one too many");
    Await.until("the drop", () -> server.stats().droppedRate() == 1);
    assertThat(alice.receive(WAIT)).isEqualTo(SLOW_DOWN);
  }

  @Test
  void exemptMembersAndARateOfZeroAreNotLimited() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    Rooms exempting = new Rooms(new FloodControl(1, 1, loopback::equals));
    Room room = exempting.open("r", "r".getBytes(StandardCharsets.UTF_8), null, null);
    Member spared = exempting.admit(room, "s", new byte[] {'s'}, loopback, 0);
    Member held =
        exempting.admit(room, "h", new byte[] {'h'}, InetAddress.getByName("10.0.0.1"), 0);
    Rooms unlimited = new Rooms(FloodControl.OFF);
    Member free =
        unlimited.admit(
            unlimited.open("r", new byte[] {'r'}, null, null), "f", new byte[] {'f'}, loopback, 0);
    assertThat(spared.rateExempt()).isTrue();
    assertThat(held.rateExempt()).isFalse();
    assertThat(free.rateExempt()).isTrue();
    for (int i = 0; i < 1000; i++) {
      assertThat(spared.withinRate(1)).isTrue();
      assertThat(free.withinRate(1)).isTrue();
    }
    assertThat(held.withinRate(1)).isTrue();
    assertThat(held.withinRate(1)).isFalse();
    assertThat(held.withinRate(1001)).as("a second later").isTrue();
  }

  @Test
  void theBucketHoldsTheBurstAndRefillsOneMessagePerInterval() {
    FloodControl three = new FloodControl(3, 2, FloodControl.NOBODY);
    long bucket = FloodControl.fullBucket(0);
    bucket = three.take(bucket, 0);
    bucket = three.take(bucket, 0);
    assertThat(three.take(bucket, 0)).isEqualTo(Long.MIN_VALUE);
    assertThat(three.take(bucket, 333))
        .as("not quite a third of a second")
        .isEqualTo(Long.MIN_VALUE);
    bucket = three.take(bucket, 334);
    assertThat(bucket).isNotEqualTo(Long.MIN_VALUE);
    assertThat(three.take(bucket, 334)).isEqualTo(Long.MIN_VALUE);
    // A long silence refills the bucket to the burst, never beyond.
    bucket = three.take(bucket, 60_000);
    bucket = three.take(bucket, 60_000);
    assertThat(three.take(bucket, 60_000)).isEqualTo(Long.MIN_VALUE);
  }

  private long accepted() {
    return server.stats().messagesRelayed();
  }

  private static void flood(UdpMember from, String prefix, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      from.say(prefix + " " + i);
    }
  }

  private static List<String> texts(List<Received> received) {
    List<String> texts = new ArrayList<>();
    for (Received r : received) {
      if (r.kind() == Kind.MESSAGE) {
        texts.add(r.text());
      }
    }
    return texts;
  }

  private String scrape() throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics"))
                .timeout(WAIT)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
