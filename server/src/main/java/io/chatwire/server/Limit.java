package io.chatwire.server;

/**
 * A limit that refused a connection or a request, or removed something: the {@code limit} label of
 * {@code chatwire_limited_total} and the subject of the once-a-minute log line.
 */
enum Limit {
  /** {@code --max-connections}: the server is full (a 429 frame, then close). */
  CONNECTIONS("connections"),
  /** {@code --max-connections-per-ip}. */
  CONNECTIONS_PER_IP("connections_per_ip"),
  /** {@code --max-connect-rate} / {@code --max-connect-burst}. */
  CONNECT_RATE("connect_rate"),
  /** A silent connection (no whole header yet) closed to make room when the server was full. */
  SILENT_RECLAIMED("silent_reclaimed"),
  /** {@code --first-byte-timeout}: a connection that sent nothing was closed. */
  FIRST_BYTE_TIMEOUT("first_byte_timeout"),
  /** {@code --max-rooms-per-ip}. */
  ROOMS_PER_IP("rooms_per_ip"),
  /** {@code --register-timeout}: a room whose host sent no datagram was removed. */
  UNREGISTERED_ROOM("unregistered_room"),
  /** {@code --max-password-jobs}: the hashing queue is full. */
  PASSWORD_QUEUE("password_queue"),
  /** {@code --max-password-failures}. */
  PASSWORD_FAILURES("password_failures");

  private final String label;

  Limit(String label) {
    this.label = label;
  }

  /** The metric label. */
  String label() {
    return label;
  }
}
