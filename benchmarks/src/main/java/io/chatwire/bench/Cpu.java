package io.chatwire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this JVM's threads and of another process (Linux {@code /proc}), in nanoseconds. */
final class Cpu {
  /** USER_HZ: the unit of /proc/PID/stat times; 100 on every mainstream Linux build. */
  private static final long TICK_NANOS = 10_000_000L;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Cpu() {}

  /** CPU time of the given threads; a finished thread counts as 0. */
  static long threads(long... ids) {
    long sum = 0;
    for (long id : ids) {
      long t = THREADS.getThreadCpuTime(id);
      sum += Math.max(t, 0);
    }
    return sum;
  }

  /** CPU time of the calling thread. */
  static long currentThread() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * The kernel's count of UDP datagrams dropped because a socket's receive buffer was full
   * (system-wide, {@code RcvbufErrors} in {@code /proc/net/snmp}), or -1 when unknown.
   */
  static long udpReceiveBufferErrors() {
    try {
      String[] header = null;
      for (String line : Files.readAllLines(Path.of("/proc/net/snmp"))) {
        if (!line.startsWith("Udp: ")) {
          continue;
        }
        String[] f = line.substring(5).trim().split("\\s+");
        if (header == null) {
          header = f;
          continue;
        }
        for (int i = 0; i < header.length && i < f.length; i++) {
          if (header[i].equals("RcvbufErrors")) {
            return Long.parseLong(f[i]);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or a format we do not know
    }
    return -1;
  }

  /** User + system CPU time of process {@code pid}, or -1 when unknown. */
  static long process(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name in parentheses may contain spaces: fields count from after it.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
