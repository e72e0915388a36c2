package io.chatwire.wire;

/**
 * Thrown by every generated decoder when input bytes do not form a valid frame. It names the field
 * and the byte offset (from the start of the frame) where the problem is.
 *
 * <p>Malformed input is expected on any network, so this exception does not capture a stack trace:
 * throwing it costs one object and a message.
 */
public class MalformedFrameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final int offset;

  /**
   * Creates an exception for a problem in {@code field} at {@code offset}.
   *
   * @param field component path, e.g. {@code "roomName"} or {@code "header.state"}
   * @param offset byte offset from the start of the frame
   * @param problem what is wrong, e.g. {@code "declared 300 bytes but only 12 remain"}
   */
  public MalformedFrameException(String field, int offset, String problem) {
    super(field + " at offset " + offset + ": " + problem, null, false, false);
    this.field = field;
    this.offset = offset;
  }

  /**
   * A frame that ends inside a fixed-width field.
   *
   * @param field component path
   * @param offset where the field starts, from the start of the frame
   * @param needed the field's width
   * @param remaining how many bytes the frame has left at {@code offset}
   * @return the exception, for the caller to throw
   */
  public static MalformedFrameException truncated(
      String field, int offset, int needed, int remaining) {
    return new MalformedFrameException(
        field, offset, "needs " + needed + " bytes but only " + remaining + " remain");
  }

  /**
   * A length that runs past the end of the frame.
   *
   * @param field component path of the variable field
   * @param offset where the field starts, from the start of the frame
   * @param declared the declared length
   * @param remaining how many bytes the frame has left at {@code offset}
   * @return the exception, for the caller to throw
   */
  public static MalformedFrameException pastEnd(
      String field, int offset, long declared, int remaining) {
    return new MalformedFrameException(
        field,
        offset,
        "declared length "
            + declared
            + " runs past the end of the frame ("
            + remaining
            + " bytes remain)");
  }

  /**
   * A value or length over its {@code max}.
   *
   * @param field component path
   * @param offset where the field starts, from the start of the frame
   * @param value the value or length read
   * @param max the limit
   * @return the exception, for the caller to throw
   */
  public static MalformedFrameException overMax(String field, int offset, long value, long max) {
    return new MalformedFrameException(field, offset, value + " is over the maximum of " + max);
  }

  /**
   * The component path of the field that is malformed.
   *
   * @return e.g. {@code "roomName"} or {@code "header.state"}
   */
  public String field() {
    return field;
  }

  /**
   * The byte offset, from the start of the frame, where the problem is.
   *
   * @return a non-negative offset
   */
  public int offset() {
    return offset;
  }
}
