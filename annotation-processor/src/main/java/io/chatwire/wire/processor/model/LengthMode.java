package io.chatwire.wire.processor.model;

/** How a field's byte length is known. */
public enum LengthMode {
  /** {@code @Field(bytes = N)}. */
  FIXED,
  /** {@code @Field(sizeFrom = "x")}: the value of an earlier integer field. */
  SIZE_FROM,
  /** {@code @Field(remainder = true)}: the rest of the frame. */
  REMAINDER,
  /** A nested {@code @Message} record: the sum of its own fields. */
  NESTED
}
