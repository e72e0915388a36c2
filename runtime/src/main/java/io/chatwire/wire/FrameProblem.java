package io.chatwire.wire;

/**
 * What is wrong with a frame, as a number, so that a generated decoder's {@code tryWrap} can reject
 * input without allocating; {@link #exception} turns it into the {@link MalformedFrameException}
 * that {@code wrap} throws.
 */
public final class FrameProblem {
  /** A fixed-width field runs past the end: value = its width, limit = bytes remaining. */
  public static final int TRUNCATED = 1;

  /** A declared length runs past the end: value = the length, limit = bytes remaining. */
  public static final int PAST_END = 2;

  /** A value or length is over its {@code max}: value, limit = the maximum. */
  public static final int OVER_MAX = 3;

  /** Text is not well-formed UTF-8; the offset is the first bad byte. */
  public static final int MALFORMED_UTF8 = 4;

  /** A boolean byte is neither 0 nor 1: value = the byte. */
  public static final int NOT_BOOLEAN = 5;

  /** An enum code no constant has: value = the code. */
  public static final int UNKNOWN_CODE = 6;

  /** A wide integer's high bytes are not zero: value = the field's width. */
  public static final int HIGH_BYTES = 7;

  /** An unsigned 8-byte (or wider) value is over {@code Long.MAX_VALUE}. */
  public static final int OVER_LONG_MAX = 8;

  /** The frame is longer than {@code maxLength}: value = its length, limit = maxLength. */
  public static final int OVER_MAX_LENGTH = 9;

  /** Bytes follow the last field: value = how many. */
  public static final int TRAILING_BYTES = 10;

  /** A declared length makes the frame longer than maxLength: value = at least, limit = max. */
  public static final int DECLARED_OVER_MAX_LENGTH = 11;

  /** A varint uses more bytes than its value needs. */
  public static final int VARINT_OVERLONG = 12;

  /** A varint's value has more bits than its field holds: value = the field's bits. */
  public static final int VARINT_OVERFLOW = 13;

  /** No {@code 0x00} terminator before the end of the frame. */
  public static final int NO_TERMINATOR = 14;

  /**
   * A declared element count needs more bytes than remain: value = the count, limit = the most
   * elements the remaining bytes could hold.
   */
  public static final int COUNT_PAST_END = 15;

  /**
   * A list's declared byte length does not end on an element boundary: value = the list's length,
   * limit = the bytes its last element would need from where it starts.
   */
  public static final int PARTIAL_ELEMENT = 16;

  private FrameProblem() {}

  /**
   * The exception for a problem.
   *
   * @param field component path, or the record's name for the frame as a whole
   * @param offset byte offset in the frame
   * @param problem one of this class's constants
   * @param value the problem's value (see each constant)
   * @param limit the problem's limit (see each constant)
   * @return the exception, for the caller to throw
   */
  public static MalformedFrameException exception(
      String field, int offset, int problem, long value, long limit) {
    return new MalformedFrameException(field, offset, describe(problem, value, limit));
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
    String message = inner.getMessage();
    int colon = message.indexOf(": ");
    String problem = colon >= 0 ? message.substring(colon + 2) : message;
    return new MalformedFrameException(
        list + "[" + index + "]." + inner.field(), elementOffset + inner.offset(), problem);
  }

  /**
   * The problem in words.
   *
   * @param problem one of this class's constants
   * @param value the problem's value
   * @param limit the problem's limit
   * @return e.g. {@code "needs 2 bytes but only 1 remain"}
   */
  public static String describe(int problem, long value, long limit) {
    switch (problem) {
      case TRUNCATED:
        return "needs " + value + " bytes but only " + limit + " remain";
      case PAST_END:
        return "declared length "
            + Long.toUnsignedString(value)
            + " runs past the end of the frame ("
            + limit
            + " bytes remain)";
      case OVER_MAX:
        return value + " is over the maximum of " + limit;
      case MALFORMED_UTF8:
        return "malformed UTF-8";
      case NOT_BOOLEAN:
        return "boolean must be 0 or 1, was " + value;
      case UNKNOWN_CODE:
        return "unknown code " + value;
      case HIGH_BYTES:
        return "bytes above the low 8 of this " + value + "-byte field must be zero";
      case OVER_LONG_MAX:
        return "value is over Long.MAX_VALUE";
      case OVER_MAX_LENGTH:
        return "frame of " + value + " bytes is over maxLength " + limit;
      case TRAILING_BYTES:
        return value + " bytes follow the last field";
      case DECLARED_OVER_MAX_LENGTH:
        return "declared length makes the frame at least "
            + value
            + " bytes, over "
            + (limit == Integer.MAX_VALUE ? "the largest frame an int can hold " : "maxLength ")
            + limit;
      case VARINT_OVERLONG:
        return "varint has more bytes than its value needs";
      case VARINT_OVERFLOW:
        return "varint value does not fit " + value + " bits";
      case NO_TERMINATOR:
        return "no 0x00 terminator before the end of the frame";
      case COUNT_PAST_END:
        return "declared count "
            + Long.toUnsignedString(value)
            + " needs more bytes than remain (room for at most "
            + limit
            + ")";
      case PARTIAL_ELEMENT:
        return "declared list length " + value + " ends inside an element";
      default:
        return "problem " + problem;
    }
  }
}
