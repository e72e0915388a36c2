package io.chatwire.server;

/** Where the answer to one request goes: the connection that sent it. */
interface ReplySink {
  /** Sends the answer and then closes; called once, on the event loop. */
  void reply(Reply reply);

  /** Whether the client is still there to be answered; any thread may ask. */
  boolean isOpen();
}
