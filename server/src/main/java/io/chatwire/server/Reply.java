package io.chatwire.server;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's answer to one TCRP request: the JSON payload of the {@code state = 1} frame and, for
 * an accepted CREATE or JOIN, of the {@code state = 2} frame.
 *
 * @param status the HTTP-like status code
 * @param message the human text, for the log
 * @param response the {@code RESPONSE} payload
 * @param completion the {@code COMPLETE} payload, or null when none follows
 */
record Reply(int status, String message, byte[] response, byte[] completion) {
  static final int OK = 200;
  static final int BAD_REQUEST = 400;
  static final int UNAUTHORIZED = 401;
  static final int FORBIDDEN = 403;
  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;
  static final int TOO_LARGE = 413;
  static final int TOO_MANY = 429;

  /** The largest LIST answer frame, header and echoed room name included: 64 KiB. */
  static final int MAX_LIST_FRAME = 65_536;

  /** A {@code {"status", "message"}} answer with nothing after it. */
  static Reply status(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("message", message);
    return new Reply(status, message, json(body), null);
  }

  /**
   * A {@code 200} answer followed by {@code {"token", "udpPort", "instance"}}: the instance id
   * tells a client whose datagrams go unanswered whether the server it reaches is still the one
   * that gave it the token.
   */
  static Reply accepted(String message, byte[] token, int udpPort, String instance) {
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("token", new String(token, StandardCharsets.US_ASCII));
    done.put("udpPort", udpPort);
    done.put("instance", instance);
    return new Reply(OK, message, status(OK, message).response(), json(done));
  }

  /**
   * One page of the LIST answer: the rooms sorted by name from {@code offset} on, with their member
   * counts and whether they are locked, as many as fit in {@code budget} payload bytes, and {@code
   * "more": true} when rooms are left for a request with {@code {"offset": offset + returned}}.
   * Pages are read in separate requests, so a room opened or closed meanwhile may shift the rest by
   * one: clients merge pages by name.
   */
  static Reply list(List<Room> rooms, int offset, int budget) {
    List<Room> sorted = new ArrayList<>(rooms);
    sorted.sort(Comparator.comparing(Room::name));
    // {"status":200,"rooms":[],"more":false} plus a comma per entry, with room to spare.
    int used = 64;
    List<byte[]> entries = new ArrayList<>();
    int i = Math.min(offset, sorted.size());
    for (; i < sorted.size(); i++) {
      Room room = sorted.get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", room.name());
      entry.put("members", room.size());
      entry.put("locked", room.locked());
      byte[] bytes = json(entry);
      if (used + bytes.length + 1 > budget) {
        break;
      }
      used += bytes.length + 1;
      entries.add(bytes);
    }
    boolean more = i < sorted.size();
    ByteArrayOutputStream body = new ByteArrayOutputStream(used);
    body.writeBytes(ascii("{\"status\":" + OK + ",\"rooms\":["));
    for (int e = 0; e < entries.size(); e++) {
      if (e > 0) {
        body.write(',');
      }
      body.writeBytes(entries.get(e));
    }
    body.writeBytes(ascii("],\"more\":" + more + "}"));
    String message = entries.size() + " rooms from " + offset + (more ? ", more" : "");
    return new Reply(OK, message, body.toByteArray(), null);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] json(Object value) {
    try {
      return JSON.std.asBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
