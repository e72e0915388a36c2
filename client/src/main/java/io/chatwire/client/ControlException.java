package io.chatwire.client;

/**
 * A TCRP exchange that did not succeed: the server said no, could not be reached, or answered
 * nonsense. The message is the one line shown to the user.
 */
final class ControlException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Status used when there is no server status (network failure, malformed reply). */
  static final int NO_STATUS = 0;

  private final int status;

  ControlException(int status, String message) {
    super(message);
    this.status = status;
  }

  ControlException(String message, Throwable cause) {
    super(message, cause);
    this.status = NO_STATUS;
  }

  /** The server's status code, or {@link #NO_STATUS}. */
  int status() {
    return status;
  }
}
