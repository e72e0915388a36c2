package io.chatwire.wire.processor.model;

/** What a record component is on the wire. */
public enum WireKind {
  /** One byte, 0 or 1. */
  BOOLEAN,
  /** A 1 to 8 byte integer held in a primitive. */
  INTEGER,
  /** A {@code long} wider than 8 bytes: the bytes above the low 8 are zero. */
  WIDE_INTEGER,
  /** An enum implementing {@code WireCode}, written as its code. */
  ENUM,
  /** UTF-8 text. */
  STRING,
  /** Raw bytes as a {@code ByteBuffer}. */
  BYTES,
  /** Another {@code @Message} record, inlined. */
  MESSAGE;

  /** Whether the value is an integer that can give another field its size. */
  public boolean isInteger() {
    return this == INTEGER || this == WIDE_INTEGER;
  }

  /** Whether the width may vary (strings and byte buffers). */
  public boolean isVariableCapable() {
    return this == STRING || this == BYTES;
  }
}
