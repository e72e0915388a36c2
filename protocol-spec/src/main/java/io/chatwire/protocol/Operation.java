package io.chatwire.protocol;

import io.chatwire.wire.WireCode;

/** The operation of a {@link TcrpFrame}. */
public enum Operation implements WireCode {
  /** Create a room and become its host. */
  CREATE(1),
  /** Join an existing room. */
  JOIN(2),
  /** List the rooms. */
  LIST(3),
  /** Leave a room (the host leaving closes it). */
  LEAVE(4);

  private final int code;

  Operation(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }
}
