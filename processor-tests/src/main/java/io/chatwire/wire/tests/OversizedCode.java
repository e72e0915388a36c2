package io.chatwire.wire.tests;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;

/**
 * A mistake javac cannot see: an enum code (300) that does not fit its one-byte field. The
 * generated codecs refuse to initialize, naming the constant.
 *
 * @param level the enum field
 */
@Message
public record OversizedCode(@Field(bytes = 1) Level level) {

  /** An enum whose second code needs two bytes. */
  public enum Level implements WireCode {
    LOW(1),
    HIGH(300);

    private final int code;

    Level(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }
}
