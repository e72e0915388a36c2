package io.chatwire.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Turns received bytes into text that is safe to print on one terminal line. */
final class DisplayText {
  private DisplayText() {}

  /** Decodes UTF-8, replacing malformed bytes with U+FFFD, and cleans the result. */
  static String decode(ByteBuffer bytes) {
    return clean(StandardCharsets.UTF_8.decode(bytes).toString());
  }

  /**
   * Replaces control characters with U+FFFD: another member's text must not move the cursor, change
   * colours or break the one-message-per-line output.
   */
  static String clean(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.getType(c) == Character.CONTROL && c != '\t';
      if (control && sb == null) {
        sb = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(control ? '\uFFFD' : c);
      }
    }
    return sb == null ? text : sb.toString();
  }
}
