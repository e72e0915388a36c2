package io.chatwire.server;

import com.fasterxml.jackson.core.JsonParser;
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
 * @param offset where a LIST page starts ({@code {"offset": N}}), 0 when none is given
 */
record Payload(String username, String password, String token, int offset) {
  private static final Payload EMPTY = new Payload(null, null, null);

  /** A payload without an offset. */
  Payload(String username, String password, String token) {
    this(username, password, token, 0);
  }

  /**
   * Parses {@code length} payload bytes of {@code buffer} at {@code index}.
   *
   * @throws BadRequestException if the bytes are not UTF-8, the JSON is invalid or anything but
   *     whitespace follows the JSON value
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
    if (!(strictly(json, "object") instanceof Map<?, ?> map)) {
      throw new BadRequestException("payload is not a valid JSON object");
    }
    return new Payload(
        string(map, "username"), string(map, "password"), string(map, "token"), offset(map));
  }

  private static Payload fromString(String json) throws BadRequestException {
    if (!(strictly(json, "string") instanceof String s)) {
      throw new BadRequestException("payload is not a valid JSON string");
    }
    return new Payload(s, null, s);
  }

  /** Reads one JSON value that must be all of {@code json} but for trailing whitespace. */
  private static Object strictly(String json, String what) throws BadRequestException {
    try (JsonParser parser = JSON.std.getStreamingFactory().createParser(json)) {
      Object value = JSON.std.anyFrom(parser);
      if (parser.nextToken() != null) {
        throw new BadRequestException("payload has bytes after its JSON " + what);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      // Trailing bytes that are no JSON token ({"a":1}xyz) fail here too.
      throw new BadRequestException("payload is not one valid JSON " + what);
    }
  }

  private static int offset(Map<?, ?> map) throws BadRequestException {
    Object value = map.get("offset");
    if (value == null) {
      return 0;
    }
    if (value instanceof Integer n && n >= 0) {
      return n;
    }
    throw new BadRequestException("\"offset\" must be a whole number from 0 to 2147483647");
  }

  private static String string(Map<?, ?> map, String key) throws BadRequestException {
    Object value = map.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new BadRequestException("\"" + key + "\" must be a string");
  }
}
