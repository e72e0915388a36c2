package io.chatwire.wire.tests;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;

/**
 * A mistake the processor cannot see: an enum code (300) that does not fit its one-byte field,
 * computed when the enum loads rather than written as a literal (a literal is a compile error). The
 * generated codecs refuse to initialize, naming the constant.
 *
 * @param level the enum field
 */
@Message
public record OversizedCode(@Field(bytes = 1) Level level) {

  /** An enum whose second code needs two bytes. */
  public enum Level implements WireCode {
    LOW(1),
    HIGH(Integer.parseInt("300"));

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
