package io.chatwire.server;

import java.nio.charset.StandardCharsets;

/**
 * A validated user or room name with its UTF-8 bytes.
 *
 * @param text the name
 * @param bytes its UTF-8 encoding
 */
record Name(String text, byte[] bytes) {
  /** The longest username, in UTF-8 bytes. */
  static final int MAX_USERNAME_BYTES = 64;

  /** The longest room name, in UTF-8 bytes. */
  static final int MAX_ROOM_BYTES = 255;

  /**
   * Validates {@code text} as a name of 1 to {@code maxBytes} UTF-8 bytes without control
   * characters or unpaired surrogates.
   *
   * @param what "username" or "room name", for the error message
   * @throws BadRequestException if it is not
   */
  static Name of(String what, String text, int maxBytes) throws BadRequestException {
    if (text == null || text.isEmpty()) {
      throw new BadRequestException(what + " is required");
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.getType(cp) == Character.CONTROL) {
        throw new BadRequestException(what + " must not contain control characters");
      }
      if (Character.getType(cp) == Character.SURROGATE) {
        throw new BadRequestException(what + " contains an unpaired surrogate");
      }
      i += Character.charCount(cp);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBytes) {
      throw new BadRequestException(
          what + " is " + bytes.length + " bytes of UTF-8, at most " + maxBytes + " allowed");
    }
    return new Name(text, bytes);
  }

  /** {@code text} safe for one log line: control characters escaped, at most 80 characters. */
  static String forLog(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
    for (int i = 0; i < text.length() && out.length() < 80; i++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.CONTROL) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
