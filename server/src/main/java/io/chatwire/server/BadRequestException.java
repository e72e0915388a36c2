package io.chatwire.server;

/** A request the server answers with {@code 400}; the message says what is wrong. */
final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message, null, false, false);
  }
}
