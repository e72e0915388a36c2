package io.chatwire.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datagrams the kernel dropped because a relay socket's receive buffer was full: the {@code
 * drops} column of {@code /proc/net/udp} and {@code /proc/net/udp6} (Linux), summed over this
 * process's sockets on the relay port. Java cannot ask for {@code SO_RXQ_OVFL}, and this counter is
 * the same one. Read at each scrape and once a minute by the event loop, which logs when it grew.
 *
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
 *   12: 0100007F:2352 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 38113 2 0000000000000000 373
 *       ^ address:port (hex)                                                                 ^ inode                 ^ drops
 * </pre>
 */
final class ReceiveBufferDrops {
  private static final Logger log = LoggerFactory.getLogger(ReceiveBufferDrops.class);
  private static final long LOG_EVERY_MILLIS = 60_000;
  private static final List<Path> TABLES =
      List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
  private static final Path OWN_FDS = Path.of("/proc/self/fd");
  private static final int LOCAL_ADDRESS = 1;
  private static final int INODE = 9;
  private static final int DROPS = 12;

  /** Drops and the number of sockets they were read from; {@code sockets == 0}: not available. */
  record Reading(long drops, int sockets) {}

  private final int port;
  private boolean started;
  private long checkedMillis;
  private long lastDrops;

  ReceiveBufferDrops(int port) {
    this.port = port;
  }

  /** The drops so far, 0 where the kernel does not tell. */
  long total() {
    return read().drops();
  }

  /** Reads the tables now: this process's sockets on the port and their drops. */
  Reading read() {
    Set<Long> own = ownSocketInodes();
    long drops = 0;
    int sockets = 0;
    for (Path table : TABLES) {
      try {
        Reading r = parse(Files.readAllLines(table), port, own::contains);
        drops += r.drops();
        sockets += r.sockets();
      } catch (IOException | RuntimeException e) {
        // No such table here (not Linux, or no IPv6): nothing to count.
      }
    }
    return new Reading(drops, sockets);
  }

  /**
   * Logs when the drops grew since the last check, which runs once a minute at most; the event loop
   * calls it at every sweep.
   */
  void check(long nowMillis) {
    if (!started) {
      // The first sweep starts the first minute: the sockets are new, nothing was dropped yet.
      started = true;
      checkedMillis = nowMillis;
      return;
    }
    if (nowMillis - checkedMillis < LOG_EVERY_MILLIS) {
      return;
    }
    checkedMillis = nowMillis;
    long drops = total();
    if (drops > lastDrops) {
      log.warn(
          "udp port {}: the kernel dropped {} datagram(s) in the last minute ({} in all) because"
              + " the receive buffer was full; more --relay-threads or a larger net.core.rmem_max"
              + " may help",
          port,
          drops - lastDrops,
          drops);
    }
    lastDrops = drops;
  }

  /**
   * The drops of the sockets of a {@code /proc/net/udp} table bound to {@code port} whose inode
   * {@code ours} accepts; the header and lines that do not parse are skipped.
   */
  static Reading parse(List<String> lines, int port, LongPredicate ours) {
    long drops = 0;
    int sockets = 0;
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length <= DROPS || !f[0].endsWith(":")) {
        continue;
      }
      try {
        String local = f[LOCAL_ADDRESS];
        int localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
        if (localPort == port && ours.test(Long.parseLong(f[INODE]))) {
          drops += Long.parseLong(f[DROPS]);
          sockets++;
        }
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        // Not a socket line.
      }
    }
    return new Reading(drops, sockets);
  }

  /** The inodes of this process's sockets ({@code /proc/self/fd/N -> socket:[inode]}). */
  private static Set<Long> ownSocketInodes() {
    Set<Long> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(OWN_FDS)) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[") && target.endsWith("]")) {
            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
          }
        } catch (IOException | NumberFormatException e) {
          // Closed meanwhile, or not a socket.
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc here.
    }
    return inodes;
  }
}
