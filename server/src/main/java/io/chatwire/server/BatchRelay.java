package io.chatwire.server;

import static io.chatwire.server.RelayCounters.RECEIVED;
import static io.chatwire.server.RelayCounters.RECEIVE_ERRORS;

import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.RelayDatagramEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batched relay ({@code --io batch}): one {@code recvmmsg} takes up to 64 datagrams, each
 * accepted one is encoded into its own slot of the send buffer, and one {@code sendmmsg} per 1024
 * deliveries sends the whole batch's fan-out. On a busy relay that is two system calls per batch
 * instead of one per datagram received plus one per datagram sent.
 *
 * <p>Members are matched on the raw {@code sockaddr} the kernel wrote ({@link SockAddr}), so no
 * address object is made per datagram, whichever member sent it.
 */
final class BatchRelay extends Relay implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(BatchRelay.class);
  private static final int SLOT = RelayDatagramEncoder.MAX_LENGTH;

  private final BatchSocket socket;
  private final BatchSocket.Receiver receiver;
  private final BatchSocket.Sender sender;
  private final ByteBuffer out;
  private final int noticeOffset;

  /**
   * @param receives whether this relay receives (a relay thread) or only sends notices (the event
   *     loop's)
   */
  BatchRelay(BatchSocket socket, boolean receives, Rooms rooms, Clock clock) {
    super(rooms, clock);
    this.socket = socket;
    // One byte more than the largest valid datagram, so that a longer one is seen as too long.
    this.receiver = receives ? socket.newReceiver(ChatDatagramDecoder.MAX_LENGTH + 1) : null;
    this.noticeOffset = receives ? BatchSocket.Receiver.CAPACITY * SLOT : 0;
    this.sender = socket.newSender(noticeOffset + SLOT, counters);
    this.out = sender.buffer();
  }

  /** Receives and relays batches until the socket is shut down. */
  @Override
  public void run() {
    while (socket.isOpen()) {
      int n;
      try {
        n = receiver.receive();
      } catch (IOException e) {
        if (socket.isOpen()) {
          counters.increment(RECEIVE_ERRORS);
        }
        continue;
      }
      if (n == 0 || !socket.isOpen()) {
        continue;
      }
      counters.add(RECEIVED, n);
      try {
        relayBatch(n);
      } catch (RuntimeException e) {
        // Nothing here should throw; this only keeps one bug from stopping the thread.
        log.error("unexpected failure relaying a batch of datagrams", e);
      }
    }
  }

  private void relayBatch(int n) {
    long now = clock.millis();
    ByteBuffer in = receiver.buffer();
    for (int i = 0; i < n; i++) {
      relay(in, receiver.offset(i), receiver.length(i), i, now, i * SLOT);
    }
    sender.flush();
  }

  @Override
  boolean fromMember(Member member, int source, long now) {
    SockAddr last = member.sockAddr();
    if (last != null && receiver.from(source, last)) {
      member.seen(now);
      return true;
    }
    if (!receiver.fromIp(source, member.ipBytes())) {
      return false;
    }
    // A first datagram or a new port: the only allocation, once per change of address.
    member.seen(receiver.source(source), now);
    return true;
  }

  @Override
  ByteBuffer sendBuffer() {
    return out;
  }

  @Override
  int noticeOffset() {
    return noticeOffset;
  }

  @Override
  void sendTo(Member to, int offset, int length) {
    SockAddr target = to.sockAddr();
    if (target != null) {
      sender.add(offset, length, target);
    }
  }

  @Override
  void flush() {
    sender.flush();
  }
}
