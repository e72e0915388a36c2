package io.chatwire.client;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON payloads of TCRP frames, written and read with jackson-jr. */
final class Payloads {
  private Payloads() {}

  /**
   * A server status answer.
   *
   * @param status the HTTP-like status code
   * @param message the server's human text, possibly empty
   * @param body the whole JSON object, for operation-specific fields
   */
  record Status(int status, String message, Map<String, Object> body) {
    boolean ok() {
      return status == 200;
    }

    /** The line shown for a refusal, e.g. {@code 401 wrong password}. */
    String describe() {
      return message.isEmpty() ? Integer.toString(status) : status + " " + message;
    }
  }

  /** {@code {"username": ..., "password": ...}}; the password is left out when null. */
  static byte[] credentials(String username, String password) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("username", username);
    if (password != null) {
      map.put("password", password);
    }
    return write(map);
  }

  /** {@code {"token": ...}} for LEAVE. */
  static byte[] token(String token) {
    return write(Map.of("token", token));
  }

  /** {@code {"offset": N}} for the LIST page after the first. */
  static byte[] offset(int offset) {
    return write(Map.of("offset", offset));
  }

  /** {@code {}} for LIST. */
  static byte[] empty() {
    return write(Map.of());
  }

  /** Reads a {@code state = 1} answer: {@code {"status": .., "message": ..}}. */
  static Status status(byte[] payload) throws ControlException {
    Map<String, Object> map = object(payload);
    if (!(map.get("status") instanceof Number number)) {
      throw malformed("the answer has no numeric \"status\"");
    }
    Object message = map.get("message");
    String text = message instanceof String s ? DisplayText.clean(s) : "";
    return new Status(number.intValue(), text, map);
  }

  /** The token of a {@code state = 2} frame: {@code {"token": .., "udpPort": ..}}. */
  static String token(Map<String, Object> completion) throws ControlException {
    if (!(completion.get("token") instanceof String token)
        || token.isEmpty()
        || ClientOptions.utf8Length(token) > ClientOptions.MAX_NAME_BYTES) {
      throw malformed("the completion has no usable \"token\"");
    }
    return token;
  }

  /** The UDP port of a {@code state = 2} frame, or {@code fallback} when it names none. */
  static int udpPort(Map<String, Object> completion, int fallback) {
    if (completion.get("udpPort") instanceof Number n && n.intValue() > 0 && n.intValue() < 65536) {
      return n.intValue();
    }
    return fallback;
  }

  /** The rooms of a LIST answer. */
  static List<RoomInfo> rooms(Status status) throws ControlException {
    if (!(status.body().get("rooms") instanceof List<?> rooms)) {
      throw malformed("the LIST answer has no \"rooms\" array");
    }
    List<RoomInfo> result = new ArrayList<>(rooms.size());
    for (Object o : rooms) {
      if (!(o instanceof Map<?, ?> room) || !(room.get("name") instanceof String name)) {
        throw malformed("a LIST entry has no \"name\"");
      }
      long members = room.get("members") instanceof Number n ? n.longValue() : 0;
      boolean locked = Boolean.TRUE.equals(room.get("locked"));
      result.add(new RoomInfo(name, members, locked));
    }
    return result;
  }

  /** Parses a JSON object payload. */
  static Map<String, Object> object(byte[] payload) throws ControlException {
    try {
      Map<String, Object> map = JSON.std.mapFrom(payload);
      if (map == null) {
        throw malformed("the payload is not a JSON object");
      }
      return map;
    } catch (IOException | RuntimeException e) {
      throw malformed("the payload is not a JSON object");
    }
  }

  private static byte[] write(Map<String, Object> map) {
    try {
      return JSON.std.asBytes(map);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON for " + map.keySet(), e);
    }
  }

  private static ControlException malformed(String what) {
    return new ControlException(ControlException.NO_STATUS, "malformed reply: " + what);
  }
}
