package io.chatwire.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The load generator's command line: one scenario run, or a sweep for the lossless knee. */
@Command(
    name = "loadgen",
    mixinStandardHelpOptions = true,
    description = {
      "Sets up rooms x members against a relay on 127.0.0.1, sends paced messages and counts"
          + " every delivery at every other member. Prints markdown table rows on stdout,"
          + " details on stderr."
    })
final class LoadCommand implements Callable<Integer> {
  @Option(names = "--host", description = "relay address, loopback only (default ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(
      names = "--setup",
      description = "tcrp (a chatwire server) or file:PATH (membership file; invented if missing)")
  String setup = "tcrp";

  @Option(names = "--tcp-port", description = "TCRP port (default ${DEFAULT-VALUE})")
  int tcpPort = 9001;

  @Option(names = "--udp-port", description = "relay UDP port; 0 = from the TCRP answer")
  int udpPort;

  @Option(names = "--rooms", description = "rooms (default ${DEFAULT-VALUE})")
  int rooms = 500;

  @Option(names = "--members", description = "members per room (default ${DEFAULT-VALUE})")
  int members = 10;

  @Option(names = "--senders", description = "senders per room (default: every member)")
  Integer senders;

  @Option(names = "--rate", description = "msgs/s per sender (default ${DEFAULT-VALUE})")
  double rate = 2.0;

  @Option(names = "--total-rate", description = "msgs/s in over all rooms (overrides --rate)")
  Double totalRate;

  @Option(names = "--payload", description = "message text bytes (default ${DEFAULT-VALUE})")
  int payload = 64;

  @Option(
      names = "--sender-sockets",
      description =
          "send messages from N shared sockets in turn instead of each sender's own, so that"
              + " source addresses keep changing; use with --senders 1 (default: 0, own socket)")
  int senderSockets;

  @Option(names = "--receivers", description = "receiving threads (default ${DEFAULT-VALUE})")
  int receivers = 2;

  @Option(
      names = "--observe-every",
      description = "count deliveries in every n-th room only (default ${DEFAULT-VALUE})")
  int observeEvery = 1;

  @Option(
      names = "--heartbeat",
      description = "seconds between heartbeats of every member (default ${DEFAULT-VALUE})")
  double heartbeat = 10;

  @Option(names = "--warmup", description = "seconds before measuring (default ${DEFAULT-VALUE})")
  double warmup = 5;

  @Option(names = "--duration", description = "measured seconds (default ${DEFAULT-VALUE})")
  double duration = 30;

  @Option(names = "--label", description = "relay name in the output (default ${DEFAULT-VALUE})")
  String label = "relay";

  @Option(names = "--relay-pid", description = "relay process id, to report its CPU use")
  long relayPid;

  @Option(names = "--prepare-only", description = "write the membership file and exit")
  boolean prepareOnly;

  @Option(names = "--no-header", description = "print table rows without the header")
  boolean noHeader;

  @Option(names = "--print-header", description = "print the markdown table header and exit")
  boolean printHeader;

  @Option(
      names = "--flood-rate",
      description =
          "also run one hostile member sending this many msgs/s into a room of its own, as large"
              + " as the others (TCRP setup only; default: none)")
  double floodRate;

  @Option(names = "--sweep", description = "find the lossless knee instead of one run")
  boolean sweep;

  @Option(names = "--sweep-from", description = "first sweep rate (default ${DEFAULT-VALUE})")
  double sweepFrom = 10_000;

  @Option(names = "--sweep-factor", description = "rate growth per step (default ${DEFAULT-VALUE})")
  double sweepFactor = 1.25;

  @Option(names = "--sweep-max", description = "highest sweep rate (default ${DEFAULT-VALUE})")
  double sweepMax = 400_000;

  @Option(
      names = "--sweep-step",
      description = "measured seconds per step (default ${DEFAULT-VALUE})")
  double sweepStep = 10;

  @Option(
      names = "--sweep-warmup",
      description = "warm-up seconds per step (default ${DEFAULT-VALUE})")
  double sweepWarmup = 2;

  @Option(
      names = "--refine",
      description = "bisection steps after the first fail (default ${DEFAULT-VALUE})")
  int refine = 2;

  @Option(names = "--threshold", description = "delivery % for the knee (default ${DEFAULT-VALUE})")
  double threshold = 99.9;

  static int run(String[] args) {
    // Later flags win, so that a harness's defaults can be overridden by appending flags.
    return new CommandLine(new LoadCommand()).setOverwrittenOptionsAllowed(true).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (printHeader) {
      out.println(RunResult.markdownHeader());
      return 0;
    }
    Path file = null;
    if (setup.startsWith("file:")) {
      file = Path.of(setup.substring("file:".length()));
    } else if (!setup.equals("tcrp")) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--setup must be tcrp or file:PATH");
    }
    int s = senders == null ? members : senders;
    double perSender = totalRate == null ? rate : totalRate / ((double) rooms * s);
    LoadOptions options =
        new LoadOptions(
            host,
            file,
            tcpPort,
            udpPort,
            rooms,
            members,
            s,
            perSender,
            payload,
            receivers,
            observeEvery,
            seconds(heartbeat),
            label,
            relayPid,
            senderSockets);
    if (floodRate > 0 && (sweep || file != null)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--flood-rate needs --setup tcrp and one run, not --sweep");
    }
    if (prepareOnly) {
      if (file == null) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--prepare-only needs --setup file:PATH");
      }
      java.nio.file.Files.deleteIfExists(file);
      List<MembershipFile.Entry> entries = LoadGenerator.membership(options);
      err.println("wrote " + entries.size() + " members to " + file);
      return 0;
    }
    try (LoadGenerator generator = LoadGenerator.open(options)) {
      LoadOptions o = generator.options();
      err.printf(
          "set up %d rooms x %d members, %d senders/room on udp %d%n",
          o.rooms(), o.members(), o.senders(), o.udpPort());
      if (!noHeader) {
        out.println(RunResult.markdownHeader());
      }
      if (!sweep) {
        Flooder flooder =
            floodRate > 0 ? Flooder.start(host, tcpPort, members, floodRate, payload) : null;
        try {
          RunResult r = generator.run(o.scenarioRate(), seconds(warmup), seconds(duration));
          out.println(r.markdownRow());
          err.println(r.summary());
        } finally {
          if (flooder != null) {
            flooder.close();
            err.println(flooder.summary());
          }
        }
        return 0;
      }
      Sweep plan =
          new Sweep(
              sweepFrom,
              sweepFactor,
              sweepMax,
              seconds(sweepWarmup),
              seconds(sweepStep),
              refine,
              threshold);
      Sweep.Result result =
          generator.sweep(
              plan,
              r -> {
                err.println("sweep step: " + r.summary());
              });
      for (RunResult r : result.steps()) {
        out.println(r.markdownRow());
      }
      if (result.knee() == null) {
        out.printf("%n%s: no step reached %.1f %% delivery%n", label, threshold);
      } else {
        out.printf(
            "%n**%s lossless knee (>= %.1f %% delivered): %,.0f msgs/s in, %,.0f datagrams/s out**%s%n",
            label,
            threshold,
            result.knee().offeredRate(),
            result.knee().deliveredRate(),
            result.limitedByGenerator()
                ? " (limited by the generator: it could not offer more)"
                : "");
      }
      return 0;
    }
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }
}
