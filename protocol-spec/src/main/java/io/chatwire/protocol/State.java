package io.chatwire.protocol;

import io.chatwire.wire.WireCode;

/**
 * Where a {@link TcrpFrame} stands in its exchange.
 *
 * <pre>
 * client                          server
 *   | ---- REQUEST (state 0) ------&gt; |
 *   | &lt;--- RESPONSE (state 1) ------ |   {"status": ..., "message": ...}
 *   | &lt;--- COMPLETE (state 2) ------ |   {"token": ..., "udpPort": ...}  (CREATE, JOIN accepted)
 *   |            close               |
 * </pre>
 */
public enum State implements WireCode {
  /** A client's request. */
  REQUEST(0),
  /** The server's status answer. */
  RESPONSE(1),
  /** The server's completion, carrying the token. */
  COMPLETE(2);

  private final int code;

  State(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }
}
