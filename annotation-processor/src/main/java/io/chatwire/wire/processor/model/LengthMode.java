package io.chatwire.wire.processor.model;

/** How a field's byte length is known. */
public enum LengthMode {
  /** {@code @Field(bytes = N)}. */
  FIXED,
  /** {@code @Field(bits = N)}: part of a group of bit fields that together fill whole bytes. */
  BITS,
  /** {@code @Field(varint = true)}: 1 to 10 bytes, the last one with its high bit clear. */
  VARINT,
  /** {@code @Field(sizeFrom = "x")}: the value of an earlier integer field. */
  SIZE_FROM,
  /** {@code @Field(countFrom = "n")}: a list of as many elements as an earlier field says. */
  COUNT_FROM,
  /** {@code @Field(nulTerminated = true)}: up to a {@code 0x00} byte, which is consumed. */
  NUL_TERMINATED,
  /** {@code @Field(remainder = true)}: the rest of the frame. */
  REMAINDER,
  /** A nested {@code @Message} record: the sum of its own fields. */
  NESTED;

  /** Whether the width is known at compile time (a bit field's is its group's). */
  public boolean isFixed() {
    return switch (this) {
      case FIXED, BITS -> true;
      case VARINT, SIZE_FROM, COUNT_FROM, NUL_TERMINATED, REMAINDER, NESTED -> false;
    };
  }
}
