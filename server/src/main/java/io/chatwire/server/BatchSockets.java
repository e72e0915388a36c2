package io.chatwire.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Finds the {@link BatchSocket} implementation: {@code MmsgSockets}, compiled for Java 22 into
 * {@code META-INF/versions/22} of the server jar, so that a Java 17 JVM never loads it.
 */
final class BatchSockets {
  private static final String IMPLEMENTATION = "io.chatwire.server.MmsgSockets";
  private static final int FIRST_JAVA = 22;

  /** Opens batch sockets. */
  interface Factory {
    /**
     * Opens a UDP socket bound to {@code address}, with {@code SO_REUSEPORT} if {@code shared}.
     *
     * @param bufferBytes the kernel receive and send buffer sizes to ask for
     */
    BatchSocket open(InetSocketAddress address, boolean shared, int bufferBytes) throws IOException;
  }

  private static final Object LOADED = load();

  private BatchSockets() {}

  /** Whether batched I/O works in this JVM. */
  static boolean available() {
    return LOADED instanceof Factory;
  }

  /** Why batched I/O does not work here, for the error and the log line. */
  static String unavailableReason() {
    return LOADED instanceof String reason ? reason : "";
  }

  /** The factory; only when {@link #available()}. */
  static Factory factory() {
    if (LOADED instanceof Factory factory) {
      return factory;
    }
    throw new IllegalStateException("batched I/O is not available: " + unavailableReason());
  }

  private static Object load() {
    int java = Runtime.version().feature();
    if (java < FIRST_JAVA) {
      return "it needs Java " + FIRST_JAVA + " or later, this is Java " + java;
    }
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.equals("Linux")) {
      return "it needs Linux, this is " + os;
    }
    if (!(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
      return "it needs x86-64 or AArch64, this is " + arch;
    }
    try {
      return Class.forName(IMPLEMENTATION)
          .asSubclass(Factory.class)
          .getDeclaredConstructor()
          .newInstance();
    } catch (ClassNotFoundException e) {
      return "this build of the server has no Java "
          + FIRST_JAVA
          + " part ("
          + IMPLEMENTATION
          + ")";
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return "the native calls could not be set up: " + e;
    }
  }
}
