package io.chatwire.client;

/**
 * Where a conversation reads the user's lines and shows what happens in the room; the display
 * methods may be called from any thread.
 */
interface ChatTerminal extends AutoCloseable {
  /** Blocks for the next line the user entered; {@code null} when the user is done. */
  String readLine();

  /** Another member's message. */
  void message(String sender, String text);

  /** A message this user sent (shown only where the user's own line is not already visible). */
  void ownMessage(String sender, String text);

  /** A notice, shown as {@code * text}. */
  void notice(String text);

  /** Help or status text for a person at a terminal (silent in scripted mode). */
  void info(String text);

  /** A problem worth one line, without the {@code error: } prefix. */
  void error(String text);

  /** Releases the input so that a blocked {@link #readLine()} returns. */
  @Override
  void close();
}
