package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.protocol.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 50 rooms of 5 members: every message reaches every other member of its room exactly once. */
class LoadTest {
  private static final int ROOMS = 50;
  private static final int MEMBERS = 5;
  private static final int MESSAGES = 4;

  private ChatServer server;
  private final List<UdpMember> all = new ArrayList<>();

  @AfterEach
  void stop() {
    all.forEach(UdpMember::close);
    if (server != null) {
      server.close();
    }
  }

  private static void record(UdpMember.Received d, int r, int m, Map<String, Integer> counts) {
    if (d != null && d.kind() == Kind.MESSAGE) {
      assertThat(d.text()).startsWith("r" + r + " " + d.sender() + " #");
      assertThat(d.sender()).isNotEqualTo("m" + m);
      counts.merge(d.text(), 1, Integer::sum);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @ParameterizedTest(name = "{0} relay thread(s)")
  @ValueSource(ints = {1, 2})
  void everyMessageIsDeliveredExactlyOnce(int relayThreads) throws IOException {
    server = ChatServer.start(Tcrp.loopback().withRelayThreads(relayThreads));
    UdpMember[][] rooms = new UdpMember[ROOMS][MEMBERS];
    for (int r = 0; r < ROOMS; r++) {
      String room = "room-" + r;
      for (int m = 0; m < MEMBERS; m++) {
        String name = "m" + m;
        String token =
            m == 0
                ? Tcrp.create(server.tcpPort(), room, name)
                : Tcrp.join(server.tcpPort(), room, name);
        rooms[r][m] = new UdpMember(server.udpPort(), room, token);
        all.add(rooms[r][m]);
      }
    }
    for (UdpMember m : all) {
      m.heartbeat();
    }
    Await.heartbeats(server, ROOMS * MEMBERS);
    for (UdpMember m : all) {
      m.drain(Duration.ofMillis(1)); // join notices
    }

    for (int i = 0; i < MESSAGES; i++) {
      for (int r = 0; r < ROOMS; r++) {
        for (int m = 0; m < MEMBERS; m++) {
          rooms[r][m].say("r" + r + " m" + m + " #" + i);
        }
      }
    }

    int expected = (MEMBERS - 1) * MESSAGES;
    List<Map<String, Integer>> seen = new ArrayList<>();
    for (int r = 0; r < ROOMS; r++) {
      for (int m = 0; m < MEMBERS; m++) {
        Map<String, Integer> counts = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (counts.size() < expected && System.nanoTime() < deadline) {
          record(rooms[r][m].receive(Duration.ofMillis(200)), r, m, counts);
        }
        seen.add(counts);
      }
    }
    // One pause for late duplicates, then whatever has arrived since counts too.
    sleep(Duration.ofMillis(300));
    for (int r = 0; r < ROOMS; r++) {
      for (int m = 0; m < MEMBERS; m++) {
        Map<String, Integer> counts = seen.get(r * MEMBERS + m);
        for (UdpMember.Received d : rooms[r][m].drain(Duration.ofMillis(1))) {
          record(d, r, m, counts);
        }
        assertThat(counts).as("room %d member %d", r, m).hasSize(expected);
        assertThat(counts.values()).as("exactly once").containsOnly(1);
      }
    }
    assertThat(server.stats().messagesRelayed()).isEqualTo((long) ROOMS * MEMBERS * MESSAGES);
    assertThat(server.stats().sendFailures()).isZero();
  }
}
