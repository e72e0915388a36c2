package io.chatwire.bench;

import io.chatwire.protocol.ChatDatagramEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the messages of one run at a fixed total rate from each message's member socket, plus a
 * paced heartbeat from every member once per heartbeat interval (so that receivers stay
 * registered). Message {@code n} of the run is due at {@code start + n / rate}; when behind, it
 * catches up in a burst, so a slow generator shows as a lower offered rate and a longer run.
 */
final class Sender {
  private static final long MAX_PARK_NANOS = 1_000_000;
  private static final byte[] EMPTY = new byte[0];

  private final Endpoint[][] members;
  private final DatagramChannel[] shared;
  private final Schedule schedule;
  private final int payloadBytes;
  private final long heartbeatNanos;
  private final ByteBuffer datagram = ByteBuffer.allocateDirect(ChatDatagramEncoder.MAX_LENGTH);
  private final ChatDatagramEncoder encoder = new ChatDatagramEncoder();
  private final byte[] text;
  private final ByteBuffer textBuffer;
  private int heartbeatCursor;

  /** Wall clock of the first and last measured send, and how many messages went out. */
  volatile long measureStartNanos;

  volatile long measureEndNanos;
  volatile long sent;

  /**
   * @param shared sockets that messages leave from in turn (each sender's source address then keeps
   *     changing), or none: each message from its sender's own socket
   */
  Sender(
      Endpoint[][] members,
      DatagramChannel[] shared,
      Schedule schedule,
      int payloadBytes,
      long heartbeatNanos) {
    this.members = members;
    this.shared = shared;
    this.schedule = schedule;
    this.payloadBytes = payloadBytes;
    this.heartbeatNanos = heartbeatNanos;
    this.text = new byte[Math.max(payloadBytes, MessageText.MAX_HEADER)];
    this.textBuffer = ByteBuffer.wrap(text);
  }

  /** Sends message ids {@code [run.base, run.end)} at {@code rate} per second, until deadline. */
  void send(RunState run, double rate, long deadlineNanos) {
    long count = run.end - run.base;
    long warm = run.measureFrom - run.base;
    double interval = 1e9 / rate;
    int everyone = members.length * members[0].length;
    long start = System.nanoTime();
    measureStartNanos = start;
    long n = 0;
    long heartbeats = 0;
    while (n < count) {
      long now = System.nanoTime();
      if (now - deadlineNanos > 0) {
        break;
      }
      long due = Math.min(count, (long) ((now - start) / interval) + 1);
      for (; n < due; n++) {
        if (n == warm) {
          measureStartNanos = System.nanoTime();
        }
        if (!message(run.base + n)) {
          run.sendFailed[(int) n] = 1;
        }
      }
      long heartbeatsDue = (now - start) * everyone / heartbeatNanos;
      for (; heartbeats < heartbeatsDue; heartbeats++) {
        heartbeat();
      }
      long wait = start + (long) (n * interval) - System.nanoTime();
      if (n < count && wait > 0) {
        LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
      }
    }
    measureEndNanos = System.nanoTime();
    sent = n;
  }

  /** One heartbeat from every member, paced in small batches so the relay's buffer keeps up. */
  void heartbeatAll() throws InterruptedException {
    int everyone = members.length * members[0].length;
    for (int i = 0; i < everyone; i++) {
      heartbeat();
      if (i % 100 == 99) {
        Thread.sleep(1);
      }
    }
  }

  private void heartbeat() {
    int everyone = members.length * members[0].length;
    int i = heartbeatCursor++ % everyone;
    Endpoint e = members[i % members.length][i / members.length];
    write(
        e.channel,
        encoder.wrap(datagram, 0).roomName(e.roomName).token(e.token).message(EMPTY).length());
  }

  private boolean message(long id) {
    Endpoint e = members[schedule.room(id)][schedule.senderSlot(id)];
    int length = MessageText.write(text, id, System.nanoTime(), payloadBytes);
    encoder.wrap(datagram, 0).roomName(e.roomName).token(e.token);
    DatagramChannel from =
        shared.length == 0 ? e.channel : shared[(int) Long.remainderUnsigned(id, shared.length)];
    return write(from, encoder.message(textBuffer, 0, length).length());
  }

  private boolean write(DatagramChannel channel, int length) {
    datagram.limit(length).position(0);
    try {
      return channel.write(datagram) > 0;
    } catch (IOException ex) {
      return false;
    } finally {
      datagram.clear();
    }
  }
}
