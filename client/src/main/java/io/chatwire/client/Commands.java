package io.chatwire.client;

import java.util.Locale;

/** Parses what the user typed into a {@link Command}: a message, or a slash command. */
final class Commands {
  /** The text {@code /help} shows. */
  static final String HELP =
      String.join(
          "\n",
          "/leave   leave the room (the host leaving closes it)",
          "/quit    same as /leave",
          "/help    show this help",
          "//text   send a message that starts with '/'",
          "Ctrl+C or Ctrl+D leave too.");

  private Commands() {}

  /** What one input line asks for. */
  sealed interface Command {}

  /** Send this text to the room. */
  record Send(String text) implements Command {}

  /** Leave the room and exit. */
  record Leave() implements Command {}

  /** Show the help. */
  record Help() implements Command {}

  /** An unknown slash command, e.g. {@code /nick}. */
  record Unknown(String name) implements Command {}

  /** Nothing to do (a blank line). */
  record Nothing() implements Command {}

  /** Parses one line; {@code null} (end of input) is {@link Leave}. */
  static Command parse(String line) {
    if (line == null) {
      return new Leave();
    }
    if (line.isBlank()) {
      return new Nothing();
    }
    if (line.startsWith("//")) {
      return new Send(line.substring(1));
    }
    if (!line.startsWith("/")) {
      return new Send(line);
    }
    String name = line.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return switch (name) {
      case "/leave", "/quit", "/exit" -> new Leave();
      case "/help", "/?" -> new Help();
      default -> new Unknown(name);
    };
  }
}
