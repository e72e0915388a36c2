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
