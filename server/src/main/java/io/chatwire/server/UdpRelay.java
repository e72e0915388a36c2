package io.chatwire.server;

import static io.chatwire.server.RelayCounters.RECEIVED;
import static io.chatwire.server.RelayCounters.RECEIVE_ERRORS;
import static io.chatwire.server.RelayCounters.SEND_FAILURES;
import static io.chatwire.server.RelayCounters.SENT;

import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.RelayDatagramEncoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portable relay ({@code --io portable}): one {@link DatagramChannel} call per datagram
 * received and per datagram sent, through one direct receive buffer and one direct send buffer.
 *
 * <pre>
 *   --relay-threads N:  N threads run run() on N blocking channels (SO_REUSEPORT when N &gt; 1);
 *                       the event loop sends notices through a send-only instance of its own
 * </pre>
 *
 * A blocking receive on a thread of its own costs one system call per datagram; a selector would
 * add an {@code epoll_wait} per wake-up and a receive that finds nothing at the end of each drain.
 *
 * <p>The only object per datagram is the {@code SocketAddress} that {@link DatagramChannel#receive}
 * returns, and Java 17 reuses it while the sender stays the same.
 */
final class UdpRelay extends Relay implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(UdpRelay.class);

  private final DatagramChannel channel;
  // One byte more than the largest valid datagram, so that a longer one is seen as too long.
  private final ByteBuffer receive = ByteBuffer.allocateDirect(ChatDatagramDecoder.MAX_LENGTH + 1);
  private final ByteBuffer send = ByteBuffer.allocateDirect(RelayDatagramEncoder.MAX_LENGTH);
  private InetSocketAddress source;

  UdpRelay(DatagramChannel channel, Rooms rooms, Clock clock) {
    super(rooms, clock);
    this.channel = channel;
  }

  /** Blocking receives until the channel is closed. */
  @Override
  public void run() {
    while (channel.isOpen()) {
      try {
        if (receive()) {
          relay(receive, 0, receive.position(), 0, clock.millis(), 0);
        }
      } catch (RuntimeException e) {
        // Nothing here should throw; this only keeps one bug from stopping the thread.
        log.error("unexpected failure relaying a datagram", e);
      }
    }
  }

  /** Receives one datagram into {@link #receive} and its sender into {@link #source}. */
  private boolean receive() {
    receive.clear();
    SocketAddress from;
    try {
      from = channel.receive(receive);
    } catch (ClosedChannelException closed) {
      return false;
    } catch (IOException e) {
      counters.increment(RECEIVE_ERRORS);
      return false;
    }
    if (from == null) {
      return false;
    }
    counters.increment(RECEIVED);
    source = (InetSocketAddress) from;
    return true;
  }

  @Override
  boolean fromMember(Member member, int ignored, long now) {
    if (!member.ip().equals(source.getAddress())) {
      return false;
    }
    member.seen(source, now);
    return true;
  }

  @Override
  ByteBuffer sendBuffer() {
    return send;
  }

  @Override
  int noticeOffset() {
    return 0;
  }

  @Override
  void sendTo(Member to, int offset, int length) {
    InetSocketAddress target = to.address();
    if (target == null) {
      return;
    }
    send.limit(offset + length).position(offset);
    try {
      if (channel.send(send, target) == 0) {
        counters.increment(SEND_FAILURES);
      } else {
        counters.increment(SENT);
      }
    } catch (IOException e) {
      counters.increment(SEND_FAILURES);
    } finally {
      // The encoder writes within the limit: give it the whole buffer back.
      send.clear();
    }
  }

  @Override
  void flush() {
    // Every datagram went out in sendTo.
  }
}
