package io.chatwire.client;

import java.io.IOError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Asks for values missing from the command line when there is a terminal to ask on; without one, a
 * missing value is a {@link UsageException}.
 */
final class Prompter {
  /** JLine's mask character meaning "echo nothing". */
  private static final char NO_ECHO = 0;

  private final LineReader reader;

  private Prompter(LineReader reader) {
    this.reader = reader;
  }

  /** A prompter for scripted use: it never asks. */
  static Prompter none() {
    return new Prompter(null);
  }

  /** A prompter asking on {@code terminal}. */
  static Prompter on(Terminal terminal) {
    return new Prompter(LineReaderBuilder.builder().terminal(terminal).appName("chatwire").build());
  }

  /** Whether this prompter can ask at all. */
  boolean canAsk() {
    return reader != null;
  }

  /**
   * Asks {@code question}; an empty answer is {@code fallback} (or asked again if that is null).
   * Without a terminal, fails with "missing {@code flag}".
   */
  String ask(String flag, String question, String fallback) {
    requireTerminal(flag);
    while (true) {
      String answer = read(question, null).strip();
      if (!answer.isEmpty()) {
        return answer;
      }
      if (fallback != null) {
        return fallback;
      }
    }
  }

  /** Asks for a secret without echoing it; without a terminal, fails with "missing flag". */
  String askSecret(String flag, String question) {
    requireTerminal(flag);
    return read(question, NO_ECHO);
  }

  private void requireTerminal(String flag) {
    if (reader == null) {
      throw new UsageException(
          "missing " + flag + " (standard input is not a terminal, so it cannot be asked for)");
    }
  }

  private String read(String question, Character mask) {
    try {
      return reader.readLine(question, mask);
    } catch (UserInterruptException | EndOfFileException | IOError e) {
      throw new UsageException("cancelled");
    }
  }
}
