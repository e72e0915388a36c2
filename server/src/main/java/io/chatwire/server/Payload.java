package io.chatwire.server;

import com.fasterxml.jackson.jr.ob.JSON;
import io.chatwire.wire.Utf8;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * What a TCRP request payload says, parsed from its three accepted forms: a JSON object ({@code
 * {"username": ..., "password": ..., "token": ...}}), a JSON string (the username, or the token of
 * a LEAVE), or plain UTF-8 text (likewise).
 *
 * @param username the username, or null when none is given
 * @param password the password, or null when none is given
 * @param token the token, or null when none is given
 */
record Payload(String username, String password, String token) {
  private static final Payload EMPTY = new Payload(null, null, null);

  /**
   * Parses {@code length} payload bytes of {@code buffer} at {@code index}.
   *
   * @throws BadRequestException if the bytes are not UTF-8 or the JSON is invalid
   */
  static Payload parse(ByteBuffer buffer, int index, int length) throws BadRequestException {
    if (length == 0) {
      return EMPTY;
    }
    if (Utf8.firstMalformed(buffer, index, index + length) >= 0) {
      throw new BadRequestException("payload is not UTF-8");
    }
    String text = Utf8.decode(buffer, index, length);
    switch (text.charAt(0)) {
      case '{':
        return fromObject(text);
      case '"':
        return fromString(text);
      default:
        return new Payload(text, null, text);
    }
  }

  private static Payload fromObject(String json) throws BadRequestException {
    Map<String, Object> map;
    try {
      map = JSON.std.mapFrom(json);
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("payload is not a valid JSON object");
    }
    if (map == null) {
      throw new BadRequestException("payload is not a valid JSON object");
    }
    return new Payload(string(map, "username"), string(map, "password"), string(map, "token"));
  }

  private static Payload fromString(String json) throws BadRequestException {
    Object value;
    try {
      value = JSON.std.anyFrom(json);
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("payload is not a valid JSON string");
    }
    if (!(value instanceof String s)) {
      throw new BadRequestException("payload is not a valid JSON string");
    }
    return new Payload(s, null, s);
  }

  private static String string(Map<String, Object> map, String key) throws BadRequestException {
    Object value = map.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new BadRequestException("\"" + key + "\" must be a string");
  }
}
