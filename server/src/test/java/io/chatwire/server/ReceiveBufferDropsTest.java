package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernel's receive-buffer drops: the {@code /proc/net/udp} parser and the metric. */
class ReceiveBufferDropsTest {
  private static final List<String> SAMPLE =
      List.of(
          "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
              + "  timeout inode ref pointer drops            ",
          "  12: 0100007F:2352 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000"
              + "        0 38113 2 0000000000000000 373      ",
          "  13: 0100007F:2352 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000"
              + "        0 38114 2 0000000000000000 27       ",
          "  14: 0100007F:2352 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000"
              + "        0 99999 2 0000000000000000 5000     ",
          "  15: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"
              + "        0 38115 2 0000000000000000 8        ",
          " 212: 00000000000000000000000001000000:2352 00000000000000000000000000000000:0000 07"
              + " 00000000:00000000 00:00000000 00000000  1000        0 38116 2 0000000000000000 1",
          "garbage",
          "");

  @Test
  void sumsTheDropsOfOurSocketsOnThePort() {
    // Port 0x2352 = 9042; inode 99999 is another process's socket on another address.
    ReceiveBufferDrops.Reading r =
        ReceiveBufferDrops.parse(SAMPLE, 0x2352, inode -> inode != 99999);
    assertThat(r).isEqualTo(new ReceiveBufferDrops.Reading(373 + 27 + 1, 3));
    assertThat(ReceiveBufferDrops.parse(SAMPLE, 53, inode -> true))
        .isEqualTo(new ReceiveBufferDrops.Reading(8, 1));
    assertThat(ReceiveBufferDrops.parse(SAMPLE, 9, inode -> true))
        .isEqualTo(new ReceiveBufferDrops.Reading(0, 0));
  }

  /** On Linux the server finds each of its relay sockets, and no one else's. */
  @ParameterizedTest(name = "{0} relay thread(s)")
  @ValueSource(ints = {1, 2})
  void findsTheRelaySocketsOfThisServer(int relayThreads) throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/net/udp")));
    try (ChatServer server = ChatServer.start(Tcrp.loopback().withRelayThreads(relayThreads));
        ChatServer other = ChatServer.start(Tcrp.loopback())) {
      assertThat(other.udpPort()).isNotEqualTo(server.udpPort());
      ReceiveBufferDrops drops = new ReceiveBufferDrops(server.udpPort());
      assertThat(drops.read().sockets()).isEqualTo(relayThreads);
      assertThat(drops.read().drops()).isZero();
    }
  }

  @Test
  void theMetricIsServed() throws Exception {
    try (ChatServer server = ChatServer.start(Tcrp.loopback().withMetricsPort(0))) {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(MetricsTest.parse(body))
          .containsEntry("chatwire_udp_receive_buffer_drops_total", 0.0);
    }
  }
}
