package io.chatwire.bench;

import io.chatwire.protocol.Operation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The relay load generator: sets up rooms x members (over TCRP, or from a membership file for the
 * relays without a control plane), opens one 127.0.0.1 UDP socket per member, registers each with a
 * heartbeat, then runs paced loads and counts every delivery at every other member.
 *
 * <pre>
 * open(options) ─▶ [TCRP CREATE/JOIN | membership file] ─▶ sockets ─▶ heartbeats
 *      └─▶ run(rate, warm-up, duration) ... ─▶ RunResult        (repeatable; sweep() = many runs)
 *      └─▶ close()
 * </pre>
 *
 * {@link #main} is the command line ({@link LoadCommand}).
 */
public final class LoadGenerator implements AutoCloseable {
  private static final int SETUP_THREADS = 4;
  private static final Duration DRAIN = Duration.ofSeconds(2);
  private static final long ACK_TIMEOUT_NANOS = 5_000_000_000L;

  private final LoadOptions options;
  private final Schedule schedule;
  private final Endpoint[][] members;
  private final Receiver[] receivers;
  private final Sender sender;
  private long nextId;
  private int epoch;

  private final DatagramChannel[] senderSockets;

  private LoadGenerator(
      LoadOptions options, Endpoint[][] members, DatagramChannel[] senderSockets) {
    this.options = options;
    this.members = members;
    this.senderSockets = senderSockets;
    this.schedule = new Schedule(options.rooms(), options.members(), options.senders());
    this.sender =
        new Sender(
            members,
            senderSockets,
            schedule,
            options.payloadBytes(),
            options.heartbeat().toNanos());
    RunState idle = RunState.idle(0, options.receivers());
    List<List<Endpoint>> shares = new ArrayList<>();
    for (int i = 0; i < options.receivers(); i++) {
      shares.add(new ArrayList<>());
    }
    int next = 0;
    for (Endpoint[] room : members) {
      for (Endpoint e : room) {
        if (e.observed) {
          shares.get(next++ % shares.size()).add(e);
        }
      }
    }
    this.receivers = new Receiver[options.receivers()];
    for (int i = 0; i < receivers.length; i++) {
      receivers[i] = new Receiver(i, shares.get(i), schedule, idle);
      receivers[i].start();
    }
  }

  /**
   * Sets up every room and member and registers every member's socket with the relay.
   *
   * @param options what to set up
   * @return the generator, ready to {@link #run}
   * @throws IOException if setup fails (TCRP refused, sockets, membership file)
   * @throws InterruptedException if interrupted while setting up
   */
  public static LoadGenerator open(LoadOptions options) throws IOException, InterruptedException {
    InetAddress host = InetAddress.getByName(options.host());
    if (!host.isLoopbackAddress()) {
      throw new IllegalArgumentException("the load generator only targets loopback, not " + host);
    }
    String[][] tokens;
    int udpPort = options.udpPort();
    LoadOptions effective = options;
    if (options.membershipFile() == null) {
      String prefix = "lg" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
      TcrpAdmission.Admission[][] admitted = admitAll(options, prefix);
      tokens = new String[options.rooms()][options.members()];
      for (int r = 0; r < tokens.length; r++) {
        for (int m = 0; m < tokens[r].length; m++) {
          tokens[r][m] = admitted[r][m].token();
        }
      }
      udpPort = udpPort > 0 ? udpPort : admitted[0][0].udpPort();
      effective = effective.withTarget(null, options.tcpPort(), udpPort, options.label());
      return connect(effective, host, prefix, tokens);
    }
    if (udpPort <= 0) {
      throw new IllegalArgumentException("--setup file: needs --udp-port");
    }
    List<MembershipFile.Entry> entries = membership(options);
    Map<String, List<MembershipFile.Entry>> byRoom = new LinkedHashMap<>();
    for (MembershipFile.Entry e : entries) {
      byRoom.computeIfAbsent(e.room(), k -> new ArrayList<>()).add(e);
    }
    int size = byRoom.values().iterator().next().size();
    String[] names = byRoom.keySet().toArray(new String[0]);
    tokens = new String[names.length][size];
    for (int r = 0; r < names.length; r++) {
      List<MembershipFile.Entry> room = byRoom.get(names[r]);
      if (room.size() != size) {
        throw new IOException("every room of the membership file must have " + size + " members");
      }
      for (int m = 0; m < size; m++) {
        tokens[r][m] = room.get(m).token();
      }
    }
    effective =
        effective.withScenario(
            names.length, size, Math.min(options.senders(), size), options.ratePerSender());
    return connect(effective, host, names, tokens);
  }

  /** Reads the membership file, or invents it and writes it when it does not exist. */
  static List<MembershipFile.Entry> membership(LoadOptions options) throws IOException {
    if (Files.exists(options.membershipFile())) {
      return MembershipFile.read(options.membershipFile());
    }
    List<MembershipFile.Entry> entries =
        MembershipFile.invent(
            "lg" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)),
            options.rooms(),
            options.members());
    MembershipFile.write(options.membershipFile(), entries);
    return entries;
  }

  private static LoadGenerator connect(
      LoadOptions options, InetAddress host, String prefix, String[][] tokens)
      throws IOException, InterruptedException {
    String[] names = new String[tokens.length];
    for (int r = 0; r < names.length; r++) {
      names[r] = MembershipFile.roomName(prefix, r);
    }
    return connect(options, host, names, tokens);
  }

  private static LoadGenerator connect(
      LoadOptions options, InetAddress host, String[] roomNames, String[][] tokens)
      throws IOException, InterruptedException {
    InetSocketAddress relay = new InetSocketAddress(host, options.udpPort());
    Endpoint[][] members = new Endpoint[tokens.length][tokens[0].length];
    DatagramChannel[] shared = new DatagramChannel[options.senderSockets()];
    LoadGenerator generator = null;
    try {
      for (int i = 0; i < shared.length; i++) {
        shared[i] = Endpoint.sendOnly(relay);
      }
      for (int r = 0; r < members.length; r++) {
        boolean observed = r % options.observeEvery() == 0;
        for (int m = 0; m < members[r].length; m++) {
          members[r][m] = Endpoint.open(relay, r, m, roomNames[r], tokens[r][m], observed);
        }
      }
      generator = new LoadGenerator(options, members, shared);
      // Twice: a heartbeat lost to a full relay buffer would leave a member unregistered.
      generator.sender.heartbeatAll();
      Thread.sleep(100);
      generator.sender.heartbeatAll();
      Thread.sleep(200);
      return generator;
    } catch (IOException | RuntimeException | InterruptedException e) {
      if (generator != null) {
        generator.close();
      } else {
        closeAll(members);
        closeAll(shared);
      }
      throw e;
    }
  }

  private static TcrpAdmission.Admission[][] admitAll(LoadOptions options, String prefix)
      throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
    try {
      List<Future<TcrpAdmission.Admission[]>> rooms = new ArrayList<>();
      for (int r = 0; r < options.rooms(); r++) {
        String room = MembershipFile.roomName(prefix, r);
        rooms.add(pool.submit(() -> admitRoom(options, room)));
      }
      TcrpAdmission.Admission[][] admitted = new TcrpAdmission.Admission[options.rooms()][];
      for (int r = 0; r < admitted.length; r++) {
        try {
          admitted[r] = rooms.get(r).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IOException("TCRP setup failed: " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          throw new IOException("TCRP setup timed out", e);
        }
      }
      return admitted;
    } finally {
      pool.shutdownNow();
    }
  }

  private static TcrpAdmission.Admission[] admitRoom(LoadOptions options, String room)
      throws IOException {
    TcrpAdmission.Admission[] admitted = new TcrpAdmission.Admission[options.members()];
    for (int m = 0; m < admitted.length; m++) {
      Operation operation = m == 0 ? Operation.CREATE : Operation.JOIN;
      admitted[m] =
          TcrpAdmission.admit(options.host(), options.tcpPort(), operation, room, "m" + m);
    }
    return admitted;
  }

  /**
   * The options in force (rooms and members come from the membership file in file mode).
   *
   * @return the options
   */
  public LoadOptions options() {
    return options;
  }

  /**
   * Sends {@code rate} messages per second for {@code warmup + duration}, then waits up to two
   * seconds for late deliveries; only the {@code duration} part is measured.
   *
   * @param rate messages per second in, over all rooms
   * @param warmup unmeasured lead-in
   * @param duration measured part
   * @return the result
   * @throws InterruptedException if interrupted
   */
  public RunResult run(double rate, Duration warmup, Duration duration)
      throws InterruptedException {
    long warm = Math.round(rate * warmup.toNanos() / 1e9);
    long measured = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
    RunState state =
        new RunState(
            ++epoch,
            nextId,
            nextId + warm,
            nextId + warm + measured,
            options.members(),
            receivers.length);
    nextId = state.end;
    switchTo(state);
    long planned = warmup.toNanos() + duration.toNanos();
    long deadline = System.nanoTime() + 2 * planned + 5_000_000_000L;
    long[] senderCpu = new long[2];
    Thread sending =
        new Thread(
            () -> {
              sender.send(state, rate, deadline);
              senderCpu[1] = Cpu.currentThread();
            },
            "loadgen-sender");
    sending.start();
    Thread.sleep(warmup.toMillis());
    long wall0 = System.nanoTime();
    long receiveCpu0 = Cpu.threads(receiverThreadIds());
    long senderCpu0 = Cpu.threads(sending.getId());
    long relayCpu0 = Cpu.process(options.relayPid());
    long kernelDrops0 = Cpu.udpReceiveBufferErrors();
    sending.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 1_000));
    long wall1 = System.nanoTime();
    long receiveCpu1 = Cpu.threads(receiverThreadIds());
    long relayCpu1 = Cpu.process(options.relayPid());
    drain(state);
    long kernelDrops1 = Cpu.udpReceiveBufferErrors();
    switchTo(RunState.idle(++epoch, receivers.length));
    double wall = Math.max(1, wall1 - wall0);
    double generatorCores =
        (receiveCpu1 - receiveCpu0 + Math.max(0, senderCpu[1] - senderCpu0)) / wall;
    double relayCores = relayCpu0 < 0 || relayCpu1 < 0 ? -1 : (relayCpu1 - relayCpu0) / wall;
    long kernelDrops = kernelDrops0 < 0 || kernelDrops1 < 0 ? -1 : kernelDrops1 - kernelDrops0;
    return Tally.of(
        state, schedule, options, sender, rate, generatorCores, relayCores, kernelDrops);
  }

  /**
   * Raises the rate by {@code factor} from {@code from} until delivery drops under {@code percent},
   * then bisects {@code refinements} times between the last pass and the first fail.
   *
   * @param plan the sweep's settings
   * @param progress gets every step's result as it finishes
   * @return every step and the knee (the fastest passing step; null if none passed)
   * @throws InterruptedException if interrupted
   */
  public Sweep.Result sweep(Sweep plan, java.util.function.Consumer<RunResult> progress)
      throws InterruptedException {
    return plan.run(this, progress);
  }

  private void drain(RunState state) throws InterruptedException {
    long expected = 0;
    long sent = sender.sent;
    for (int n = 0; n < sent; n++) {
      if (state.sendFailed[n] == 0 && members[schedule.room(state.base + n)][0].observed) {
        expected += options.members() - 1;
      }
    }
    long until = System.nanoTime() + DRAIN.toNanos();
    while (System.nanoTime() - until < 0) {
      long got = 0;
      for (Receiver r : receivers) {
        got += r.firstDeliveriesSoFar(state);
      }
      if (got >= expected) {
        break;
      }
      Thread.sleep(20);
    }
  }

  private void switchTo(RunState next) throws InterruptedException {
    for (Receiver r : receivers) {
      r.switchTo(next);
    }
    long until = System.nanoTime() + ACK_TIMEOUT_NANOS;
    for (Receiver r : receivers) {
      while (!r.acknowledged(next.epoch)) {
        if (System.nanoTime() - until > 0) {
          throw new IllegalStateException("a receiver thread did not answer within 5 s");
        }
        Thread.sleep(1);
      }
    }
  }

  private long[] receiverThreadIds() {
    long[] ids = new long[receivers.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = receivers[i].threadId();
    }
    return ids;
  }

  @Override
  public void close() {
    for (Receiver r : receivers) {
      try {
        r.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeAll(members);
    closeAll(senderSockets);
  }

  private static void closeAll(DatagramChannel[] channels) {
    for (DatagramChannel c : channels) {
      if (c != null) {
        try {
          c.close();
        } catch (IOException ignored) {
          // closing a UDP socket cannot fail in a way that matters here
        }
      }
    }
  }

  private static void closeAll(Endpoint[][] members) {
    for (Endpoint[] room : members) {
      for (Endpoint e : room) {
        if (e != null) {
          try {
            e.channel.close();
          } catch (IOException ignored) {
            // closing a UDP socket cannot fail in a way that matters here
          }
        }
      }
    }
  }

  /**
   * The command line; see {@code --help}.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    System.exit(LoadCommand.run(args));
  }
}
