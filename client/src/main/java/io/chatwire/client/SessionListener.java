package io.chatwire.client;

/** Receives what the server relays to this member; called on the session's receiver thread. */
interface SessionListener {
  /** Why a session ended on the server's side. */
  enum Ending {
    /** The room is gone (host left or expired, server stopping). */
    CLOSED,
    /** This member was removed for inactivity. */
    EXPIRED,
    /** The server's UDP port stopped answering. */
    LOST
  }

  /** Another member's message. */
  void message(String sender, String text);

  /** A notice about the room, e.g. {@code bob joined}. */
  void notice(String text);

  /** The session is over; no more calls follow. */
  void ended(Ending ending, String text);
}
