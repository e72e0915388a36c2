package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.protocol.Kind;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line: flags, errors, the listening line and a clean exit on SIGTERM. */
class CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ChatServer.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--tcp-port abc",
        "--tcp-port 70000",
        "--udp-port -1",
        "--idle-timeout soon",
        "--idle-timeout 0s",
        "--max-rooms 0",
        "--max-members x",
        "--max-payload 1000000000",
        "--max-connections 0",
        "--relay-threads 0",
        "--relay-threads 65",
        "--io fast",
        "--metrics-port -1",
        "--metrics-port 70000",
        "--metrics-port x",
        "--max-connections-per-ip 0",
        "--max-connect-rate fast",
        "--max-connect-rate 0/s",
        "--max-connect-burst 0",
        "--first-byte-timeout 0s",
        "--max-rooms-per-ip -1",
        "--register-timeout never",
        "--max-password-jobs 0",
        "--max-password-failures 0",
        "--exempt-ips localhost",
        "--exempt-ips 10.0.0.0/40",
        "--max-rate -1",
        "--max-rate 20/m",
        "--max-rate fast",
        "--max-rate 2000000",
        "--max-burst 0",
        "--bogus",
        "extra-argument",
        "--host"
      })
  void badArgumentsGiveOneLineOnStderrAndNonZeroExit(String args) {
    int code = run(args.split(" "));
    assertThat(code).isNotZero();
    String error = err.toString(StandardCharsets.UTF_8);
    assertThat(error.lines()).hasSize(1);
    assertThat(error)
        .startsWith("chatwire-server: ")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void helpListsThePinnedFlags() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "--host",
            "--tcp-port",
            "--udp-port",
            "--idle-timeout",
            "--max-rooms",
            "--max-members",
            "--max-payload",
            "--max-connections",
            "--relay-threads",
            "--io",
            "--metrics-port",
            "--max-connections-per-ip",
            "--max-connect-rate",
            "--max-connect-burst",
            "--first-byte-timeout",
            "--max-rooms-per-ip",
            "--register-timeout",
            "--max-password-jobs",
            "--max-password-failures",
            "--exempt-ips",
            "--max-rate",
            "--max-burst");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void helpListsEveryFlag() {
    assertThat(run("--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    for (CommandLine.Model.OptionSpec option :
        new CommandLine(new ServerCommand()).getCommandSpec().options()) {
      assertThat(help).contains(option.longestName());
    }
  }

  @Test
  void helpShowsTheDefaultsOfServerOptions() {
    assertThat(run("--help")).isZero();
    // Help wraps its lines: compare with the whitespace folded.
    assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " "))
        .contains(
            "(default 0.0.0.0)",
            "(default 9001)",
            "(default 9002)",
            "(default 300s)",
            "(default 10000)",
            "(default 1000)",
            "(default 65536)",
            "(default 1024)",
            "(default 10s)",
            "(default auto)",
            "(default: off)",
            "(default 16)",
            "(default 10/s)",
            "(default 40)",
            "(default 3s)",
            "(default 8s)",
            "(default 32)",
            "(default: none)",
            "(default 20/s)",
            "(default 40)",
            "(default: off)");
  }

  @Test
  void noFlagsGiveServerOptionsDefaults() {
    ServerCommand command = new ServerCommand();
    new CommandLine(command).parseArgs();
    Clock clock = () -> 0;
    assertThat(command.toOptions().withClock(clock))
        .isEqualTo(ServerOptions.defaults().withClock(clock));
  }

  @Test
  void everyValuedFlagHasADefault() {
    CommandLine cli = new CommandLine(new ServerCommand());
    for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
      if (option.arity().max() > 0 && !option.longestName().equals("--metrics-port")) {
        assertThat(ServerCommand.Defaults.byFlag(ServerOptions.defaults()))
            .as(option.longestName())
            .containsKey(option.longestName());
      }
    }
  }

  @Test
  void flagsReachTheOptions() {
    ServerCommand command = new ServerCommand();
    new CommandLine(command)
        .parseArgs(
            "--host",
            "127.0.0.1",
            "--tcp-port",
            "0",
            "--udp-port",
            "7",
            "--idle-timeout",
            "PT1M",
            "--max-rooms",
            "3",
            "--max-members",
            "4",
            "--max-payload",
            "5",
            "--max-connections",
            "6",
            "--request-timeout",
            "2s",
            "--relay-threads",
            "2",
            "--io",
            "portable",
            "--metrics-port",
            "0",
            "--max-connections-per-ip",
            "8",
            "--max-connect-rate",
            "3/s",
            "--max-connect-burst",
            "9",
            "--first-byte-timeout",
            "1s",
            "--max-rooms-per-ip",
            "11",
            "--register-timeout",
            "4s",
            "--max-password-jobs",
            "12",
            "--max-password-failures",
            "13",
            "--exempt-ips",
            "10.0.0.0/8,::1",
            "--max-rate",
            "5/s",
            "--max-burst",
            "9");
    ServerOptions o = command.toOptions();
    assertThat(o.maxConnectionsPerIp()).isEqualTo(8);
    assertThat(o.connectRate()).isEqualTo(3);
    assertThat(o.connectBurst()).isEqualTo(9);
    assertThat(o.firstByteTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.maxRoomsPerIp()).isEqualTo(11);
    assertThat(o.roomsPerIp()).isEqualTo(3);
    assertThat(o.registerTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(o.maxPasswordJobs()).isEqualTo(12);
    assertThat(o.maxPasswordFailures()).isEqualTo(13);
    assertThat(o.exemptIps()).isEqualTo(IpRanges.parse("10.0.0.0/8,::1"));
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.tcpPort()).isZero();
    assertThat(o.udpPort()).isEqualTo(7);
    assertThat(o.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(o.maxRooms()).isEqualTo(3);
    assertThat(o.maxMembers()).isEqualTo(4);
    assertThat(o.maxPayload()).isEqualTo(5);
    assertThat(o.maxConnections()).isEqualTo(6);
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.relayThreads()).isEqualTo(2);
    assertThat(o.io()).isEqualTo(RelayIo.PORTABLE);
    assertThat(o.metricsPort()).isZero();
    assertThat(o.metricsEnabled()).isTrue();
    assertThat(o.maxRate()).isEqualTo(5);
    assertThat(o.maxBurst()).isEqualTo(9);
    assertThat(ServerOptions.defaults().metricsEnabled()).isFalse();
  }

  @Test
  void versionIsPrinted() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("chatwire-server");
  }

  @Test
  void portInUseIsOneLineAndExitOne() throws IOException {
    try (ChatServer taken =
        ChatServer.start(
            ServerOptions.defaults().withHost("127.0.0.1").withTcpPort(0).withUdpPort(0))) {
      int code = run("--host", "127.0.0.1", "--tcp-port", String.valueOf(taken.tcpPort()));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "300s=300000",
        "2m=120000",
        "500ms=500",
        "45=45000",
        "1h=3600000",
        "10 S=10000",
        "PT30S=30000",
        "pt5m=300000",
        "PT0.5S=500",
        "P1D=86400000"
      })
  void durationsAcceptTheUsualForms(String c) {
    String[] parts = c.split("=");
    assertThat(new DurationConverter().convert(parts[0]))
        .isEqualTo(Duration.ofMillis(Long.parseLong(parts[1])));
  }

  @Test
  void durationRejectsOtherForms() {
    for (String bad : List.of("", "s", "1.5s", "-3s", "3 days", "PT", "PT-5S", "P", "5 minutes")) {
      assertThatThrownBy(() -> new DurationConverter().convert(bad))
          .isInstanceOf(CommandLine.TypeConversionException.class);
    }
  }

  @Test
  void optionsAreValidated() {
    ServerOptions d = ServerOptions.defaults();
    assertThat(d.tcpPort()).isEqualTo(9001);
    assertThat(d.udpPort()).isEqualTo(9002);
    assertThat(d.idleTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(d.maxPayload()).isEqualTo(65_536);
    assertThat(d.relayThreads()).isEqualTo(1);
    assertThat(d.withRelayThreads(4).relayThreads()).isEqualTo(4);
    assertThatThrownBy(() -> d.withRelayThreads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withTcpPort(65_536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withHost(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withIdleTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withMaxPayload((1 << 29) + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.withClock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> d.withMetricsPort(65_536))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.toBuilder().maxRooms(7).build()).isEqualTo(d.withMaxRooms(7));
  }

  /** Runs the real main in a child JVM: listening line, then SIGTERM closes rooms and exits 0. */
  @ParameterizedTest(name = "--relay-threads {0}")
  @ValueSource(strings = {"1", "2"})
  void sigtermTellsMembersClosedAndExitsZero(String relayThreads) throws Exception {
    Process p = ChildServer.start("--relay-threads", relayThreads);
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = stdout.readLine();
      assertThat(line).matches("listening tcp=\\d+ udp=\\d+");
      Matcher m = Pattern.compile("tcp=(\\d+) udp=(\\d+)").matcher(line);
      assertThat(m.find()).isTrue();
      int tcp = Integer.parseInt(m.group(1));
      int udp = Integer.parseInt(m.group(2));
      try (UdpMember host = new UdpMember(udp, "r", Tcrp.create(tcp, "r", "host"))) {
        // Registered once a JOIN notice reaches it (heartbeats are not acknowledged).
        boolean registered = false;
        for (int i = 0; i < 20 && !registered; i++) {
          host.heartbeat();
          Tcrp.join(tcp, "r", "probe" + i);
          registered = host.receive(Duration.ofMillis(500)) != null;
        }
        assertThat(registered).isTrue();
        host.drain(Duration.ofMillis(100));
        p.destroy(); // SIGTERM
        UdpMember.Received r = host.receive(Duration.ofSeconds(5));
        assertThat(r).isNotNull();
        assertThat(r.kind()).isEqualTo(Kind.CLOSED);
      }
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    } finally {
      p.destroyForcibly();
    }
  }
}
