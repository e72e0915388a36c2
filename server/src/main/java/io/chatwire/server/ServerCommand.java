package io.chatwire.server;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    description = "Runs the chatwire chat server: TCRP on TCP, the message relay on UDP.",
    sortOptions = false)
final class ServerCommand {
  private static final String NAME = "chatwire-server";

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--tcp-port",
      defaultValue = "9001",
      description = "TCRP port, 0 for any free port (default ${DEFAULT-VALUE}).")
  int tcpPort;

  @Option(
      names = "--udp-port",
      defaultValue = "9002",
      description = "Relay port, 0 for any free port (default ${DEFAULT-VALUE}).")
  int udpPort;

  @Option(
      names = "--idle-timeout",
      defaultValue = "300s",
      converter = DurationConverter.class,
      description =
          "Remove members silent this long: 300s, 5m, 500ms, 1h or seconds (default ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(
      names = "--max-rooms",
      defaultValue = "10000",
      description = "Most open rooms (default ${DEFAULT-VALUE}).")
  int maxRooms;

  @Option(
      names = "--max-members",
      defaultValue = "1000",
      description = "Most members of one room, host included (default ${DEFAULT-VALUE}).")
  int maxMembers;

  @Option(
      names = "--max-payload",
      defaultValue = "65536",
      paramLabel = "BYTES",
      description = "Largest TCRP payload accepted (default ${DEFAULT-VALUE}).")
  int maxPayload;

  @Option(
      names = "--max-connections",
      defaultValue = "1024",
      description = "Most TCP connections open at once (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--request-timeout",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description =
          "Close a TCP connection that has not sent its request within this (default ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(
      names = "--relay-threads",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "UDP relay threads; above 1, each has its own SO_REUSEPORT socket on the UDP port"
              + " (Linux) (default ${DEFAULT-VALUE}: with portable I/O the event loop relays).")
  int relayThreads;

  @Option(
      names = "--io",
      defaultValue = "auto",
      paramLabel = "auto|batch|portable",
      converter = IoConverter.class,
      description =
          "How the relay moves datagrams: batch = recvmmsg/sendmmsg (Java 22+ on Linux),"
              + " portable = one system call per datagram, auto = batch where available"
              + " (default ${DEFAULT-VALUE}).")
  RelayIo io;

  ServerOptions toOptions() {
    return ServerOptions.defaults()
        .withHost(host)
        .withTcpPort(tcpPort)
        .withUdpPort(udpPort)
        .withIdleTimeout(idleTimeout)
        .withMaxRooms(maxRooms)
        .withMaxMembers(maxMembers)
        .withMaxPayload(maxPayload)
        .withMaxConnections(maxConnections)
        .withRequestTimeout(requestTimeout)
        .withRelayThreads(relayThreads)
        .withIo(io);
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

  /** Parses durations written as {@code 300s}, {@code 2m}, {@code 500ms}, {@code 1h} or seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
      Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration (try 300s, 5m, 500ms or 1h)");
      }
      long amount = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
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

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ChatServer.class.getPackage().getImplementationVersion();
      return new String[] {NAME + " " + (version == null ? "(development build)" : version)};
    }
  }
}
