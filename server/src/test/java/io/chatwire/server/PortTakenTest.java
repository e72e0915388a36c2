package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.server.UdpMember.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server refuses a UDP port that another socket holds, whatever its {@code --relay-threads}: with
 * {@code SO_REUSEPORT} on its sockets it would otherwise share the port and take a share of the
 * first server's datagrams.
 */
class PortTakenTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs a second server's command line; one that starts would serve forever, so it is bounded. */
  private int runSecond(int udpPort, String relayThreads) throws Exception {
    String[] args = {
      "--host",
      "127.0.0.1",
      "--tcp-port",
      "0",
      "--udp-port",
      String.valueOf(udpPort),
      "--relay-threads",
      relayThreads,
      "--io",
      Tcrp.IO.toString()
    };
    FutureTask<Integer> run =
        new FutureTask<>(
            () ->
                ChatServer.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
    Thread thread = new Thread(run, "second-server");
    thread.setDaemon(true);
    thread.start();
    try {
      return run.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the second server started on the taken port: " + out);
    }
  }

  @ParameterizedTest(name = "first server with {0} relay thread(s)")
  @ValueSource(ints = {1, 2})
  void secondServerOnTheUdpPortExitsOneAndTheFirstKeepsItsRoom(int firstThreads) throws Exception {
    try (ChatServer first = ChatServer.start(Tcrp.loopback().withRelayThreads(firstThreads));
        UdpMember alice =
            new UdpMember(first.udpPort(), "r", Tcrp.create(first.tcpPort(), "r", "alice"));
        UdpMember bob =
            new UdpMember(first.udpPort(), "r", Tcrp.join(first.tcpPort(), "r", "bob"))) {
      for (String threads : new String[] {"2", "1", "3"}) {
        out.reset();
        err.reset();
        assertThat(runSecond(first.udpPort(), threads)).as(threads).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
            .singleElement()
            .asString()
            .startsWith("chatwire-server: cannot listen on 127.0.0.1: ")
            .contains("udp port " + first.udpPort());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening");
      }
      alice.heartbeat();
      bob.heartbeat();
      Await.heartbeats(first, 2);
      for (int i = 0; i < 20; i++) {
        alice.say("still mine " + i);
      }
      for (int i = 0; i < 20; i++) {
        Received r = bob.receive(Duration.ofSeconds(5));
        assertThat(r).isNotNull();
        if (r.text().endsWith("joined")) {
          i--;
          continue;
        }
        assertThat(r.text()).isEqualTo("still mine " + i);
      }
    }
  }

  /** Another process's socket with SO_REUSEPORT would have let every relay socket join it. */
  @ParameterizedTest(name = "--relay-threads {0}")
  @ValueSource(strings = {"1", "2"})
  void aForeignReusePortSocketIsRefusedToo(String relayThreads) throws Exception {
    try (DatagramChannel foreign = DatagramChannel.open()) {
      foreign.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      foreign.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = ((InetSocketAddress) foreign.getLocalAddress()).getPort();
      assertThat(runSecond(port, relayThreads)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8).lines())
          .singleElement()
          .asString()
          .contains("udp port " + port);
    }
  }
}
