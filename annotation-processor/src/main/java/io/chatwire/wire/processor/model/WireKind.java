package io.chatwire.wire.processor.model;

/** What a record component is on the wire. */
public enum WireKind {
  /** One byte, 0 or 1 (or one bit of a bit group). */
  BOOLEAN,
  /** A 1 to 8 byte integer held in a primitive, a bit field or a varint. */
  INTEGER,
  /** A {@code long} wider than 8 bytes: the bytes above the low 8 are zero. */
  WIDE_INTEGER,
  /** IEEE 754: a {@code float} in 4 bytes or a {@code double} in 8. */
  FLOAT,
  /** An enum implementing {@code WireCode}, written as its code. */
  ENUM,
  /** UTF-8 text. */
  STRING,
  /** Raw bytes as a {@code ByteBuffer}. */
  BYTES,
  /** Another {@code @Message} record, inlined. */
  MESSAGE,
  /** A {@code List} of {@code @Message} records, laid out back to back. */
  LIST;

  /** Whether the value is an unsigned integer that can give another field its size or count. */
  public boolean isInteger() {
    return switch (this) {
      case INTEGER, WIDE_INTEGER -> true;
      case BOOLEAN, FLOAT, ENUM, STRING, BYTES, MESSAGE, LIST -> false;
    };
  }

  /** Whether the value is a byte range with offset and length accessors (strings and bytes). */
  public boolean isVariableCapable() {
    return switch (this) {
      case STRING, BYTES -> true;
      case BOOLEAN, INTEGER, WIDE_INTEGER, FLOAT, ENUM, MESSAGE, LIST -> false;
    };
  }
}
