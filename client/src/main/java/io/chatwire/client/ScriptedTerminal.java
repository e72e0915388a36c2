package io.chatwire.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal of scripted use: one message per input line, and the pinned output format on
 * standard output ({@code <sender>: <text>}, {@code * <text>}), one line each, flushed.
 */
final class ScriptedTerminal implements ChatTerminal {
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;

  ScriptedTerminal(InputStream in, PrintStream out, PrintStream err) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
  }

  @Override
  public String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null; // input gone: same as end of input
    }
  }

  @Override
  public void message(String sender, String text) {
    line(out, sender + ": " + text);
  }

  @Override
  public void ownMessage(String sender, String text) {
    // the pinned output shows received messages only
  }

  @Override
  public void notice(String text) {
    line(out, "* " + text);
  }

  @Override
  public void info(String text) {
    // nothing: standard output carries the room's messages only
  }

  @Override
  public void error(String text) {
    line(err, "error: " + text);
  }

  @Override
  public void close() {
    // the streams belong to the caller; a reader blocked on them is a daemon thread
  }

  private static void line(PrintStream stream, String text) {
    synchronized (stream) {
      stream.println(text);
      stream.flush();
    }
  }
}
