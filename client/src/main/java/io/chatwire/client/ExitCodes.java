package io.chatwire.client;

/** The client's exit codes. */
final class ExitCodes {
  /** Left the room, the room closed, or the list was printed. */
  static final int OK = 0;

  /** The server refused, could not be reached, or answered nonsense. */
  static final int FAILURE = 1;

  /** The command line is missing a value or has a wrong one. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
