package io.chatwire.wire;

/**
 * What is wrong with a frame. A generated decoder's {@code tryWrap} records one without allocating;
 * {@link #exception} turns it into the {@link MalformedFrameException} that {@code wrap} throws,
 * whose {@link MalformedFrameException#problem()} it is, so that callers can tell failures apart
 * without reading messages.
 *
 * <p>Each problem comes with two numbers, {@code value} and {@code limit}, whose meaning each
 * constant gives.
 */
public enum FrameProblem {
  /** A fixed-width field runs past the end: value = its width, limit = bytes remaining. */
  TRUNCATED,

  /** A declared length runs past the end: value = the length, limit = bytes remaining. */
  PAST_END,

  /** A value or length is over its {@code max}: value, limit = the maximum. */
  OVER_MAX,

  /** Text is not well-formed UTF-8; the offset is the first bad byte. */
  MALFORMED_UTF8,

  /** A boolean byte is neither 0 nor 1: value = the byte. */
  NOT_BOOLEAN,

  /** An enum code no constant has: value = the code. */
  UNKNOWN_CODE,

  /** A wide integer's high bytes are not zero: value = the field's width. */
  HIGH_BYTES,

  /** An unsigned integer wider than 8 bytes is over {@code Long.MAX_VALUE}. */
  OVER_LONG_MAX,

  /** The frame is longer than {@code maxLength}: value = its length, limit = maxLength. */
  OVER_MAX_LENGTH,

  /** Bytes follow the last field: value = how many. */
  TRAILING_BYTES,

  /**
   * A declared length or count makes the frame longer than {@code maxLength}, or than an {@code
   * int} can index: value = at least how long, limit = the maximum.
   */
  DECLARED_OVER_MAX_LENGTH,

  /** A varint uses more bytes than its value needs. */
  VARINT_OVERLONG,

  /** A varint's value has more bits than its field holds: value = the field's bits. */
  VARINT_OVERFLOW,

  /** No {@code 0x00} terminator before the end of the frame. */
  NO_TERMINATOR,

  /**
   * A declared element count needs more bytes than remain: value = the count, limit = the most
   * elements the remaining bytes could hold.
   */
  COUNT_PAST_END,

  /**
   * A list's declared byte length does not end on an element boundary: value = the list's length,
   * limit = how many more bytes its last element would need.
   */
  PARTIAL_ELEMENT;

  /**
   * The exception for a problem.
   *
   * @param field component path, or the record's name for the frame as a whole
   * @param offset byte offset in the frame
   * @param problem what is wrong
   * @param value the problem's value (see each constant)
   * @param limit the problem's limit (see each constant)
   * @return the exception, for the caller to throw
   */
  public static MalformedFrameException exception(
      String field, int offset, FrameProblem problem, long value, long limit) {
    return new MalformedFrameException(field, offset, problem, problem.describe(value, limit));
  }

  /**
   * The exception for a malformed element of a list: the element's own problem, with the path and
   * offset moved into the enclosing frame.
   *
   * @param list the list's component path, e.g. {@code "questions"}
   * @param index the element's index in the list
   * @param elementOffset the element's byte offset in the enclosing frame
   * @param inner what the element's decoder found
   * @return e.g. {@code questions[2].name at offset 31: malformed UTF-8}
   */
  public static MalformedFrameException inElement(
      String list, long index, int elementOffset, MalformedFrameException inner) {
    return new MalformedFrameException(
        list + "[" + index + "]." + inner.field(),
        elementOffset + inner.offset(),
        inner.problem(),
        inner.description());
  }

  /**
   * The problem in words.
   *
   * @param value the problem's value
   * @param limit the problem's limit
   * @return e.g. {@code "needs 2 bytes but only 1 remain"}
   */
  public String describe(long value, long limit) {
    return switch (this) {
      case TRUNCATED -> "needs " + value + " bytes but only " + limit + " remain";
      case PAST_END ->
          "declared length "
              + Long.toUnsignedString(value)
              + " runs past the end of the frame ("
              + limit
              + " bytes remain)";
      case OVER_MAX -> Long.toUnsignedString(value) + " is over the maximum of " + limit;
      case MALFORMED_UTF8 -> "malformed UTF-8";
      case NOT_BOOLEAN -> "boolean must be 0 or 1, was " + value;
      case UNKNOWN_CODE -> "unknown code " + value;
      case HIGH_BYTES -> "bytes above the low 8 of this " + value + "-byte field must be zero";
      case OVER_LONG_MAX -> "value is over Long.MAX_VALUE";
      case OVER_MAX_LENGTH -> "frame of " + value + " bytes is over maxLength " + limit;
      case TRAILING_BYTES -> value + " bytes follow the last field";
      case DECLARED_OVER_MAX_LENGTH ->
          "declared length makes the frame at least "
              + Long.toUnsignedString(value)
              + " bytes, over "
              + (limit == Integer.MAX_VALUE ? "the largest frame an int can hold " : "maxLength ")
              + limit;
      case VARINT_OVERLONG -> "varint has more bytes than its value needs";
      case VARINT_OVERFLOW -> "varint value does not fit " + value + " bits";
      case NO_TERMINATOR -> "no 0x00 terminator before the end of the frame";
      case COUNT_PAST_END ->
          "declared count "
              + Long.toUnsignedString(value)
              + " needs more bytes than remain (room for at most "
              + limit
              + ")";
      case PARTIAL_ELEMENT -> "declared list length " + value + " ends inside an element";
    };
  }
}
