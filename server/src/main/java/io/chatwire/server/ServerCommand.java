package io.chatwire.server;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The picocli command line of the server: flags to {@link ServerOptions}, then run until stopped.
 */
@Command(
    name = "chatwire-server",
    mixinStandardHelpOptions = true,
    versionProvider = ServerCommand.Version.class,
    defaultValueProvider = ServerCommand.Defaults.class,
    description = "Runs the chatwire chat server: TCRP on TCP, the message relay on UDP.",
    sortOptions = false)
final class ServerCommand {
  private static final String NAME = "chatwire-server";

  @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--tcp-port",
      description = "TCRP port, 0 for any free port (default ${DEFAULT-VALUE}).")
  int tcpPort;

  @Option(
      names = "--udp-port",
      description = "Relay port, 0 for any free port (default ${DEFAULT-VALUE}).")
  int udpPort;

  @Option(
      names = "--idle-timeout",
      converter = DurationConverter.class,
      description =
          "Remove members silent this long: 300s, 5m, 500ms, 1h, PT5M or seconds"
              + " (default ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = "--max-rooms", description = "Most open rooms (default ${DEFAULT-VALUE}).")
  int maxRooms;

  @Option(
      names = "--max-members",
      description = "Most members of one room, host included (default ${DEFAULT-VALUE}).")
  int maxMembers;

  @Option(
      names = "--max-payload",
      paramLabel = "BYTES",
      description = "Largest TCRP payload accepted (default ${DEFAULT-VALUE}).")
  int maxPayload;

  @Option(
      names = "--max-connections",
      description = "Most TCP connections open at once (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--request-timeout",
      converter = DurationConverter.class,
      description =
          "Close a TCP connection that has not sent its request within this (default ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(
      names = "--relay-threads",
      paramLabel = "N",
      description =
          "UDP relay threads; above 1, each has its own SO_REUSEPORT socket on the UDP port"
              + " (Linux) (default ${DEFAULT-VALUE}).")
  int relayThreads;

  @Option(
      names = "--io",
      paramLabel = "auto|batch|portable",
      converter = IoConverter.class,
      description =
          "How the relay moves datagrams: batch = recvmmsg/sendmmsg (Java 22+ on Linux),"
              + " portable = one system call per datagram, auto = batch where available"
              + " (default ${DEFAULT-VALUE}).")
  RelayIo io;

  @Option(
      names = "--metrics-port",
      paramLabel = "N",
      description =
          "Serve GET /metrics (Prometheus text format) on this HTTP port of --host, 0 for any free"
              + " port (default: off).")
  Integer metricsPort;

  // Abuse resistance: per-source limits of the control plane.
  @Option(
      names = "--max-connections-per-ip",
      paramLabel = "N",
      description =
          "Most TCP connections open at once from one address (IPv6: one /64); over it: 429"
              + " (default ${DEFAULT-VALUE}).")
  int maxConnectionsPerIp;

  @Option(
      names = "--max-connect-rate",
      paramLabel = "N[/s]",
      converter = RateConverter.class,
      description =
          "New TCP connections per second from one address, on average; over it: 429"
              + " (default ${DEFAULT-VALUE}).")
  int connectRate;

  @Option(
      names = "--max-connect-burst",
      paramLabel = "N",
      description =
          "New TCP connections one address may open at once before --max-connect-rate applies"
              + " (default ${DEFAULT-VALUE}).")
  int connectBurst;

  @Option(
      names = "--first-byte-timeout",
      converter = DurationConverter.class,
      description =
          "Close a TCP connection that has sent nothing within this; when the server is full,"
              + " connections without a whole header are closed first (default ${DEFAULT-VALUE}).")
  Duration firstByteTimeout;

  @Option(
      names = "--max-rooms-per-ip",
      paramLabel = "N",
      description =
          "Most open rooms created from one address; 0 = max(10, 1% of --max-rooms)"
              + " (default ${DEFAULT-VALUE}).")
  int maxRoomsPerIp;

  @Option(
      names = "--register-timeout",
      converter = DurationConverter.class,
      description =
          "Remove a room whose host has sent no UDP datagram within this"
              + " (default ${DEFAULT-VALUE}).")
  Duration registerTimeout;

  @Option(
      names = "--max-password-jobs",
      paramLabel = "N",
      description =
          "Most password checks (PBKDF2) queued or running at once; over it: 429"
              + " (default ${DEFAULT-VALUE}).")
  int maxPasswordJobs;

  @Option(
      names = "--max-password-failures",
      paramLabel = "N",
      description =
          "Wrong passwords per minute from one address; over it: 429 without checking"
              + " (default ${DEFAULT-VALUE}).")
  int maxPasswordFailures;

  @Option(
      names = "--exempt-ips",
      paramLabel = "CIDR[,CIDR...]",
      converter = IpRangesConverter.class,
      description =
          "Addresses no per-address limit or flood control applies to, e.g."
              + " 10.0.0.0/8,fd00::/8 (default: none).")
  IpRanges exemptIps;

  @Option(
      names = "--max-rate",
      paramLabel = "N[/s]",
      converter = RateConverter.class,
      description =
          "Messages per second one member may send; over it they are dropped and the member is"
              + " told to slow down; 0 = no limit (default ${DEFAULT-VALUE}).")
  int maxRate;

  @Option(
      names = "--max-burst",
      paramLabel = "N",
      description =
          "Messages one member may send at once after a quiet spell (default ${DEFAULT-VALUE}).")
  int maxBurst;

  ServerOptions toOptions() {
    if (metricsPort != null && metricsPort < 0) {
      throw new IllegalArgumentException(
          "metrics port must be between 0 and 65535, got " + metricsPort);
    }
    return ServerOptions.builder()
        .host(host)
        .tcpPort(tcpPort)
        .udpPort(udpPort)
        .idleTimeout(idleTimeout)
        .maxRooms(maxRooms)
        .maxMembers(maxMembers)
        .maxPayload(maxPayload)
        .maxConnections(maxConnections)
        .requestTimeout(requestTimeout)
        .relayThreads(relayThreads)
        .io(io)
        .metricsPort(metricsPort == null ? ServerOptions.METRICS_OFF : metricsPort)
        .maxConnectionsPerIp(maxConnectionsPerIp)
        .connectRate(connectRate)
        .connectBurst(connectBurst)
        .firstByteTimeout(firstByteTimeout)
        .maxRoomsPerIp(maxRoomsPerIp)
        .registerTimeout(registerTimeout)
        .maxPasswordJobs(maxPasswordJobs)
        .maxPasswordFailures(maxPasswordFailures)
        .exemptIps(exemptIps)
        .maxRate(maxRate)
        .maxBurst(maxBurst)
        .build();
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    ServerCommand command = new ServerCommand();
    CommandLine cli = new CommandLine(command);
    ServerOptions options;
    try {
      cli.parseArgs(args);
      if (cli.isUsageHelpRequested()) {
        cli.usage(out);
        return 0;
      }
      if (cli.isVersionHelpRequested()) {
        cli.printVersionHelp(out);
        return 0;
      }
      options = command.toOptions();
      if (options.io() == RelayIo.BATCH && !BatchSockets.available()) {
        throw new CommandLine.ParameterException(
            cli,
            "--io batch is not available: "
                + BatchSockets.unavailableReason()
                + "; use --io portable or auto");
      }
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      err.println(NAME + ": " + oneLine(e.getMessage()) + " (see --help)");
      return 2;
    }
    // Registered before binding, so that a SIGTERM during start-up also ends with code 0.
    AtomicReference<ChatServer> running = new AtomicReference<>();
    Thread hook = new Thread(() -> stop(running.get(), out), NAME + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ChatServer server;
    try {
      server = ChatServer.start(options);
    } catch (IOException | RuntimeException e) {
      removeQuietly(hook);
      err.println(NAME + ": cannot listen on " + options.host() + ": " + oneLine(e.toString()));
      return 1;
    }
    running.set(server);
    out.println("listening tcp=" + server.tcpPort() + " udp=" + server.udpPort());
    if (server.metricsPort() != ServerOptions.METRICS_OFF) {
      out.println("metrics http=" + server.metricsPort() + " path=/metrics");
    }
    out.flush();
    while (!server.awaitTermination(Duration.ofHours(1))) {
      // Serve until SIGTERM or Ctrl+C: the shutdown hook stops the server and ends the JVM.
    }
    // The loop stopped on its own (a bug): let the hook leave the exit code alone.
    removeQuietly(hook);
    return 1;
  }

  /** The shutdown hook: every member gets CLOSED, then the JVM exits 0 (not 143 for SIGTERM). */
  private static void stop(ChatServer server, PrintStream out) {
    if (server != null) {
      server.close();
    }
    out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(0);
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is already running and decides the exit code.
    }
  }

  private static String oneLine(String message) {
    return message == null ? "invalid arguments" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** Parses {@code --io}, case-insensitively. */
  static final class IoConverter implements CommandLine.ITypeConverter<RelayIo> {
    @Override
    public RelayIo convert(String value) {
      for (RelayIo io : RelayIo.values()) {
        if (io.toString().equalsIgnoreCase(value.trim())) {
          return io;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a relay I/O (use auto, batch or portable)");
    }
  }

  /** Parses {@code --exempt-ips}. */
  static final class IpRangesConverter implements CommandLine.ITypeConverter<IpRanges> {
    @Override
    public IpRanges convert(String value) {
      try {
        return IpRanges.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Parses rates ({@code --max-rate}, {@code --max-connect-rate}): {@code N} or {@code N/s}. */
  static final class RateConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String n = value.trim();
      if (n.endsWith("/s")) {
        n = n.substring(0, n.length() - 2).trim();
      }
      if (!n.matches("[0-9]{1,9}")) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a rate (use N or N/s, messages per second)");
      }
      return Integer.parseInt(n);
    }
  }

  /**
   * The flags' defaults, written from {@link ServerOptions#defaults()}: the one set of defaults, so
   * that {@code --help} and the options built without a flag agree.
   */
  static final class Defaults implements CommandLine.IDefaultValueProvider {
    private static final Map<String, String> BY_FLAG = byFlag(ServerOptions.defaults());

    static Map<String, String> byFlag(ServerOptions d) {
      return Map.ofEntries(
          Map.entry("--host", d.host()),
          Map.entry("--tcp-port", String.valueOf(d.tcpPort())),
          Map.entry("--udp-port", String.valueOf(d.udpPort())),
          Map.entry("--idle-timeout", DurationConverter.format(d.idleTimeout())),
          Map.entry("--max-rooms", String.valueOf(d.maxRooms())),
          Map.entry("--max-members", String.valueOf(d.maxMembers())),
          Map.entry("--max-payload", String.valueOf(d.maxPayload())),
          Map.entry("--max-connections", String.valueOf(d.maxConnections())),
          Map.entry("--request-timeout", DurationConverter.format(d.requestTimeout())),
          Map.entry("--relay-threads", String.valueOf(d.relayThreads())),
          Map.entry("--io", d.io().toString()),
          Map.entry("--max-connections-per-ip", String.valueOf(d.maxConnectionsPerIp())),
          Map.entry("--max-connect-rate", d.connectRate() + "/s"),
          Map.entry("--max-connect-burst", String.valueOf(d.connectBurst())),
          Map.entry("--first-byte-timeout", DurationConverter.format(d.firstByteTimeout())),
          Map.entry("--max-rooms-per-ip", String.valueOf(d.maxRoomsPerIp())),
          Map.entry("--register-timeout", DurationConverter.format(d.registerTimeout())),
          Map.entry("--max-password-jobs", String.valueOf(d.maxPasswordJobs())),
          Map.entry("--max-password-failures", String.valueOf(d.maxPasswordFailures())),
          Map.entry("--exempt-ips", d.exemptIps().toString()),
          Map.entry("--max-rate", d.maxRate() + "/s"),
          Map.entry("--max-burst", String.valueOf(d.maxBurst())));
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
      return argSpec instanceof CommandLine.Model.OptionSpec option
          ? BY_FLAG.get(option.longestName())
          : null;
    }
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ChatServer.class.getPackage().getImplementationVersion();
      return new String[] {NAME + " " + (version == null ? "(development build)" : version)};
    }
  }
}
