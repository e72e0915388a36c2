package io.chatwire.protocol;

import io.chatwire.wire.WireCode;

/** What a {@link RelayDatagram} tells a room member. */
public enum Kind implements WireCode {
  /** A chat message from another member. */
  MESSAGE(1),
  /** A notice about the room, e.g. {@code "bob joined"}. */
  NOTICE(2),
  /** The room is gone; the client exits. */
  CLOSED(3),
  /** This member was removed for inactivity. */
  EXPIRED(4);

  private final int code;

  Kind(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }
}
