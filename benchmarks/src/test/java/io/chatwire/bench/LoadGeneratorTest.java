package io.chatwire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatwire.server.ChatServer;
import io.chatwire.server.ServerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the load generator briefly against each relay: every message must arrive exactly once at
 * every other member, with its latency recorded. It checks correctness, never speed.
 */
@Timeout(60)
class LoadGeneratorTest {
  private static final int ROOMS = 3;
  private static final int MEMBERS = 3;
  private static final double RATE_PER_SENDER = 20;
  private static final Duration WARMUP = Duration.ofMillis(200);
  private static final Duration DURATION = Duration.ofSeconds(1);

  @TempDir Path dir;

  private static LoadOptions tiny() {
    return LoadOptions.defaults().withScenario(ROOMS, MEMBERS, MEMBERS, RATE_PER_SENDER);
  }

  @Test
  void deliversEveryMessageOnceThroughTheChatServer() throws Exception {
    ServerOptions options =
        ServerOptions.defaults().withHost("127.0.0.1").withTcpPort(0).withUdpPort(0);
    try (ChatServer server = ChatServer.start(options);
        LoadGenerator generator =
            LoadGenerator.open(tiny().withTarget(null, server.tcpPort(), 0, "chatwire"))) {
      assertThat(generator.options().udpPort()).isEqualTo(server.udpPort());
      assertExactlyOnce(generator.run(generator.options().scenarioRate(), WARMUP, DURATION));
      assertThat(server.stats().dropped()).isZero();
    }
  }

  /** The flood scenario: the other rooms get everything while the flooder is held to its rate. */
  @Test
  void aFlooderNextToTheRoomsIsHeldToTheRateByDefault() throws Exception {
    ServerOptions options =
        ServerOptions.defaults().withHost("127.0.0.1").withTcpPort(0).withUdpPort(0);
    try (ChatServer server = ChatServer.start(options);
        LoadGenerator generator =
            LoadGenerator.open(tiny().withTarget(null, server.tcpPort(), 0, "chatwire"))) {
      Flooder flooder = Flooder.start("127.0.0.1", server.tcpPort(), MEMBERS, 2_000, 64);
      try (flooder) {
        assertExactlyOnce(generator.run(generator.options().scenarioRate(), WARMUP, DURATION));
      }
      assertThat(flooder.summary()).startsWith("flooder: ");
      assertThat(server.stats().droppedRate()).isPositive();
    }
  }

  @Test
  void deliversEveryMessageOnceWhenHostsSendFromSharedSockets() throws Exception {
    ServerOptions options =
        ServerOptions.defaults().withHost("127.0.0.1").withTcpPort(0).withUdpPort(0);
    LoadOptions hostsOnly =
        LoadOptions.defaults()
            .withScenario(ROOMS, MEMBERS, 1, RATE_PER_SENDER)
            .withSenderSockets(4);
    try (ChatServer server = ChatServer.start(options);
        LoadGenerator generator =
            LoadGenerator.open(hostsOnly.withTarget(null, server.tcpPort(), 0, "chatwire"))) {
      assertExactlyOnce(generator.run(generator.options().scenarioRate(), WARMUP, DURATION), 1);
      assertThat(server.stats().dropped()).isZero();
    }
  }

  @Test
  void deliversEveryMessageOnceThroughTheNaiveRelay() throws Exception {
    Path file = dir.resolve("members.txt");
    LoadOptions options = tiny().withTarget(file, 0, 1, "naive");
    LoadGenerator.membership(options);
    try (NaiveRelay relay = NaiveRelay.start("127.0.0.1", 0, file);
        LoadGenerator generator =
            LoadGenerator.open(options.withTarget(file, 0, relay.port(), "naive"))) {
      assertExactlyOnce(generator.run(generator.options().scenarioRate(), WARMUP, DURATION));
    }
  }

  @Test
  void deliversEveryMessageOnceThroughTheCRelay() throws Exception {
    Path binary = dir.resolve("crelay");
    Path source = Path.of("src/main/c/crelay.c");
    assumeTrue(Files.exists(source), "crelay.c not found");
    assumeTrue(compile(source, binary), "gcc is not available");
    Path file = dir.resolve("members.txt");
    LoadOptions options = tiny().withTarget(file, 0, 1, "crelay");
    LoadGenerator.membership(options);
    Process relay =
        new ProcessBuilder(binary.toString(), "--port", "0", "--members", file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      int port = listeningPort(relay);
      try (LoadGenerator generator =
          LoadGenerator.open(options.withTarget(file, 0, port, "crelay"))) {
        assertExactlyOnce(generator.run(generator.options().scenarioRate(), WARMUP, DURATION));
      }
    } finally {
      relay.destroy();
      if (!relay.waitFor(5, TimeUnit.SECONDS)) {
        relay.destroyForcibly();
      }
    }
  }

  @Test
  void histogramReportsPercentilesWithinItsPrecision() {
    LatencyHistogram h = new LatencyHistogram();
    for (long v = 1; v <= 100_000; v++) {
      h.record(v * 1_000);
    }
    assertThat(h.count()).isEqualTo(100_000);
    assertThat(h.percentile(50)).isBetween(49_600_000L, 50_400_000L);
    assertThat(h.percentile(99.9)).isBetween(99_100_000L, 100_000_000L);
    assertThat(h.max()).isEqualTo(100_000_000L);
  }

  private static void assertExactlyOnce(RunResult r) {
    assertExactlyOnce(r, MEMBERS);
  }

  private static void assertExactlyOnce(RunResult r, int senders) {
    long messages = Math.round(ROOMS * senders * RATE_PER_SENDER * DURATION.toMillis() / 1000.0);
    assertThat(r.sendFailures()).isZero();
    assertThat(r.expected()).isEqualTo(messages * (MEMBERS - 1));
    assertThat(r.delivered()).as(r.summary()).isEqualTo(r.expected());
    assertThat(r.duplicates()).isZero();
    assertThat(r.latency().count()).isEqualTo(r.delivered());
    assertThat(r.latency().max()).isPositive();
    assertThat(r.markdownRow()).startsWith("| " + r.label() + " | 3 x 3 |");
  }

  private static boolean compile(Path source, Path binary) throws InterruptedException {
    try {
      Process gcc =
          new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return gcc.waitFor(30, TimeUnit.SECONDS) && gcc.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static int listeningPort(Process relay) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(10, TimeUnit.SECONDS);
    assertThat(line).startsWith("listening udp=");
    return Integer.parseInt(line.split("[= ]")[2]);
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
