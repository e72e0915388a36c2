package io.chatwire.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.jline.terminal.Terminal;

/**
 * The streams a client run uses, and the terminal to open when it runs interactively.
 *
 * @param in standard input (scripted mode)
 * @param out standard output (scripted mode, {@code --list}, {@code --help})
 * @param err standard error: one line per error
 * @param terminals opens the JLine terminal for interactive mode; {@code null} for scripted mode
 * @param leaveOnShutdown whether a JVM shutdown (SIGTERM, SIGINT) sends LEAVE first
 */
record Io(
    InputStream in,
    PrintStream out,
    PrintStream err,
    TerminalFactory terminals,
    boolean leaveOnShutdown) {

  /** Opens the terminal of an interactive run. */
  @FunctionalInterface
  interface TerminalFactory {
    Terminal open() throws IOException;
  }

  /** Streams for scripted use, e.g. in tests. */
  static Io scripted(InputStream in, PrintStream out, PrintStream err) {
    return new Io(in, out, err, null, false);
  }

  boolean interactive() {
    return terminals != null;
  }
}
