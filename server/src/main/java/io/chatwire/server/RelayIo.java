package io.chatwire.server;

import java.util.Locale;

/** How the UDP relay moves datagrams ({@code --io}). */
public enum RelayIo {
  /** Batched when this JVM and OS can ({@link #BATCH}), else {@link #PORTABLE}. */
  AUTO,
  /**
   * {@code recvmmsg}/{@code sendmmsg}: up to 64 datagrams per receive and up to 1024 per send,
   * called through the Foreign Function &amp; Memory API; needs Java 22 or later on Linux (x86-64
   * or AArch64).
   */
  BATCH,
  /** One {@code DatagramChannel} system call per datagram; runs on any Java 17 JVM. */
  PORTABLE;

  /** The name on the command line and in logs. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
