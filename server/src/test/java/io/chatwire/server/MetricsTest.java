package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --metrics-port}: what a scrape of {@code GET /metrics} shows after real traffic. */
class MetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(3);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ChatServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void scrapeShowsRoomsMembersDatagramsDropsAndRequests() throws Exception {
    server = ChatServer.start(Tcrp.loopback().withMetricsPort(0));
    assertThat(server.metricsPort()).isPositive();
    int tcp = server.tcpPort();
    try (UdpMember alice =
            new UdpMember(server.udpPort(), "lobby", Tcrp.create(tcp, "lobby", "a"));
        UdpMember bob = new UdpMember(server.udpPort(), "lobby", Tcrp.join(tcp, "lobby", "b"))) {
      alice.heartbeat();
      bob.heartbeat();
      Await.heartbeats(server, 2);
      assertThat(Tcrp.request(tcp, Operation.JOIN, "lobby", "{\"username\":\"b\"}").status())
          .isEqualTo(409);
      assertThat(Tcrp.request(tcp, Operation.LIST, "", "").status()).isEqualTo(200);
      alice.drain(Duration.ofMillis(200)); // "b joined"

      alice.say("hello");
      assertThat(bob.receive(WAIT)).isEqualTo(new UdpMember.Received(Kind.MESSAGE, "a", "hello"));
      alice.sendRaw(new byte[] {(byte) 0xFF}); // not a ChatDatagram
      alice.sendRaw(UdpMember.datagram("no such room", "0".repeat(32), new byte[] {'x'}));
      Await.until("both drops counted", () -> server.stats().dropped() == 2);

      HttpResponse<String> response = get("/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      Map<String, Double> m = parse(response.body());
      assertThat(m)
          .containsEntry("chatwire_rooms", 1.0)
          .containsEntry("chatwire_members", 2.0)
          .containsEntry("chatwire_datagrams_received_total", 5.0)
          .containsEntry("chatwire_heartbeats_total", 2.0)
          .containsEntry("chatwire_datagrams_relayed_total", 1.0)
          .containsEntry("chatwire_datagrams_dropped_total{reason=\"malformed\"}", 1.0)
          .containsEntry("chatwire_datagrams_dropped_total{reason=\"unknown_room\"}", 1.0)
          .containsEntry("chatwire_datagrams_dropped_total{reason=\"bad_token\"}", 0.0)
          .containsEntry("chatwire_datagrams_dropped_total{reason=\"wrong_address\"}", 0.0)
          .containsEntry("chatwire_datagrams_dropped_total{reason=\"oversize\"}", 0.0)
          .containsEntry("chatwire_tcrp_requests_total{operation=\"create\",status=\"200\"}", 1.0)
          .containsEntry("chatwire_tcrp_requests_total{operation=\"join\",status=\"200\"}", 1.0)
          .containsEntry("chatwire_tcrp_requests_total{operation=\"join\",status=\"409\"}", 1.0)
          .containsEntry("chatwire_tcrp_requests_total{operation=\"list\",status=\"200\"}", 1.0)
          .containsEntry("chatwire_tcp_connections_refused_total", 0.0)
          .containsKeys("jvm_memory_used_bytes{area=\"heap\"}", "jvm_threads_current");
      assertThat(m.keySet())
          .filteredOn(k -> k.startsWith("chatwire_server_info{"))
          .singleElement()
          .satisfies(k -> assertThat(k).contains("io=\"" + server.relayIo() + "\""));
      assertThat(response.body())
          .contains("# TYPE chatwire_datagrams_dropped_total counter")
          .contains("# TYPE chatwire_rooms gauge");
    }
  }

  @Test
  void refusalsCountAsNone429AndByLimit() throws Exception {
    server =
        ChatServer.start(
            Tcrp.loopback().toBuilder()
                .metricsPort(0)
                .maxConnectionsPerIp(1)
                .connectBurst(2)
                .build());
    InetAddress other = InetAddress.getByName("127.0.0.2");
    try (Socket held = new Socket()) {
      held.bind(new InetSocketAddress(other, 0));
      held.connect(new InetSocketAddress("127.0.0.1", server.tcpPort()), 5_000);
      Await.until("held", () -> server.stats().openConnections() == 1);
      assertThat(Tcrp.requestFrom(other, server.tcpPort(), Operation.LIST, "", "").status())
          .isEqualTo(429);
    }
    Map<String, Double> m = parse(get("/metrics").body());
    assertThat(m)
        .containsEntry("chatwire_tcrp_requests_total{operation=\"none\",status=\"429\"}", 1.0)
        .containsEntry("chatwire_limited_total{limit=\"connections_per_ip\"}", 1.0)
        .containsEntry("chatwire_limited_total{limit=\"connect_rate\"}", 0.0)
        .containsEntry("chatwire_tcp_connections_refused_total", 1.0);
  }

  @Test
  void membersAndRoomsFallWhenTheHostLeaves() throws Exception {
    server = ChatServer.start(Tcrp.loopback().withMetricsPort(0));
    String token = Tcrp.create(server.tcpPort(), "r", "host");
    assertThat(parse(get("/metrics").body())).containsEntry("chatwire_rooms", 1.0);
    String payload = "{\"token\":\"" + token + "\"}";
    assertThat(Tcrp.request(server.tcpPort(), Operation.LEAVE, "r", payload).status())
        .isEqualTo(200);
    assertThat(parse(get("/metrics").body()))
        .containsEntry("chatwire_rooms", 0.0)
        .containsEntry("chatwire_members", 0.0)
        .containsEntry("chatwire_tcrp_requests_total{operation=\"leave\",status=\"200\"}", 1.0);
  }

  @Test
  void offByDefault() throws IOException {
    server = ChatServer.start(Tcrp.loopback());
    assertThat(server.metricsPort()).isEqualTo(ServerOptions.METRICS_OFF);
  }

  @Test
  void metricsPortInUseFailsTheStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () -> ChatServer.start(Tcrp.loopback().withMetricsPort(taken.getLocalPort())))
          .isInstanceOf(IOException.class);
    }
    // Nothing of the failed start is left bound: the same ports can be used at once.
    server = ChatServer.start(Tcrp.loopback().withMetricsPort(0));
    assertThat(get("/metrics").statusCode()).isEqualTo(200);
  }

  /** The real command line prints the bound metrics port after the listening line. */
  @Test
  void commandLinePrintsTheMetricsPort() throws Exception {
    Process p = ChildServer.start("--io", Tcrp.IO.toString(), "--metrics-port", "0");
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(stdout.readLine()).matches("listening tcp=\\d+ udp=\\d+");
      String line = stdout.readLine();
      Matcher port = Pattern.compile("metrics http=(\\d+) path=/metrics").matcher(line);
      assertThat(port.matches()).as(line).isTrue();
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(parse(response.body())).containsEntry("chatwire_rooms", 0.0);
      p.destroy();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.metricsPort() + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sample lines of the text format by {@code name{labels}}. */
  static Map<String, Double> parse(String body) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }
}
