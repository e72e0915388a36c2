package io.chatwire.client;

import java.util.regex.Pattern;

/** Removes terminal control sequences from captured output, leaving the visible text. */
final class Ansi {
  private static final Pattern SEQUENCES =
      Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\u001b[=>78]|\r|\u0007");

  private Ansi() {}

  static String strip(String s) {
    return SEQUENCES.matcher(s).replaceAll("");
  }
}
