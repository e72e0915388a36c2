package io.chatwire.wire;

/**
 * Thrown by every generated decoder when input bytes do not form a valid frame. It names the field,
 * the byte offset (from the start of the frame) where the problem is, and what the problem is.
 *
 * <p>Malformed input is expected on any network, so this exception does not capture a stack trace:
 * throwing it costs one object and a message.
 */
public class MalformedFrameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final int offset;
  private final FrameProblem problem;
  private final String description;

  /**
   * Creates an exception for a problem in {@code field} at {@code offset}.
   *
   * @param field component path, e.g. {@code "roomName"} or {@code "header.state"}
   * @param offset byte offset from the start of the frame
   * @param problem what kind of problem it is
   * @param description what is wrong in words, e.g. {@code "declared 300 bytes but only 12 remain"}
   */
  public MalformedFrameException(
      String field, int offset, FrameProblem problem, String description) {
    super(field + " at offset " + offset + ": " + description, null, false, false);
    this.field = field;
    this.offset = offset;
    this.problem = problem;
    this.description = description;
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

  /**
   * What kind of problem it is, for callers that react differently to each.
   *
   * @return the problem
   */
  public FrameProblem problem() {
    return problem;
  }

  /**
   * The problem in words, without the field and offset that start the message.
   *
   * @return e.g. {@code "malformed UTF-8"}
   */
  public String description() {
    return description;
  }
}
