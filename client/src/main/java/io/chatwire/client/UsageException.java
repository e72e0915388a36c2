package io.chatwire.client;

/** A command line the client cannot run: a missing or invalid value (exit code 2). */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
