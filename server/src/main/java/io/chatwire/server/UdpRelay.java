package io.chatwire.server;

import static io.chatwire.server.RelayCounters.DROPPED_BAD_TOKEN;
import static io.chatwire.server.RelayCounters.DROPPED_MALFORMED;
import static io.chatwire.server.RelayCounters.DROPPED_OVERSIZE;
import static io.chatwire.server.RelayCounters.DROPPED_UNKNOWN_ROOM;
import static io.chatwire.server.RelayCounters.DROPPED_WRONG_ADDRESS;
import static io.chatwire.server.RelayCounters.HEARTBEATS;
import static io.chatwire.server.RelayCounters.RECEIVED;
import static io.chatwire.server.RelayCounters.RECEIVE_ERRORS;
import static io.chatwire.server.RelayCounters.RELAYED;
import static io.chatwire.server.RelayCounters.SEND_FAILURES;
import static io.chatwire.server.RelayCounters.SENT;

import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.RelayDatagramEncoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP data plane: receives {@code ChatDatagram}s into one direct buffer, checks room, token and
 * source IP, and relays one {@code RelayDatagram} per message to the other registered members.
 *
 * <p>One instance per thread, each with its own buffers, flyweights and {@link RelayCounters}:
 *
 * <pre>
 *   --relay-threads 1:  the event loop selects the channel and calls ready(); it also sends notices
 *   --relay-threads N:  N threads run run() on N SO_REUSEPORT channels (blocking receive);
 *                       the event loop sends notices through a send-only instance of its own
 * </pre>
 *
 * Room state is read through the snapshots that {@link Rooms} and {@link Room} publish (see {@link
 * Room}), so relay threads take no lock.
 *
 * <p>The accepted path allocates nothing of its own: the room and the member are found by probing
 * byte-keyed maps with ranges of the receive buffer, the source IP is compared with {@link
 * java.net.InetAddress#equals} and the relay datagram is encoded once into one direct send buffer.
 * The only object per datagram is the {@code SocketAddress} that {@link DatagramChannel#receive}
 * returns (Java 17 reuses it while the sender stays the same). Dropped datagrams are counted, never
 * answered and never logged.
 */
final class UdpRelay implements EventLoop.Handler, Runnable {
  private static final Logger log = LoggerFactory.getLogger(UdpRelay.class);
  private static final int BATCH = 256;
  private static final byte[] NO_SENDER = new byte[0];

  private final DatagramChannel channel;
  private final Rooms rooms;
  private final Clock clock;
  // One byte more than the largest valid datagram, so that a longer one is seen as too long.
  private final ByteBuffer receive = ByteBuffer.allocateDirect(ChatDatagramDecoder.MAX_LENGTH + 1);
  private final ByteBuffer send = ByteBuffer.allocateDirect(RelayDatagramEncoder.MAX_LENGTH);
  private final ChatDatagramDecoder decoder = new ChatDatagramDecoder();
  private final RelayDatagramEncoder encoder = new RelayDatagramEncoder();
  private final RelayCounters counters = new RelayCounters();

  UdpRelay(DatagramChannel channel, Rooms rooms, Clock clock) {
    this.channel = channel;
    this.rooms = rooms;
    this.clock = clock;
  }

  RelayCounters counters() {
    return counters;
  }

  /** Selector mode: drains up to a batch of datagrams from the non-blocking channel. */
  @Override
  public void ready(SelectionKey key) {
    long now = clock.millis();
    for (int i = 0; i < BATCH; i++) {
      receive.clear();
      SocketAddress source;
      try {
        source = channel.receive(receive);
      } catch (IOException e) {
        counters.increment(RECEIVE_ERRORS);
        return;
      }
      if (source == null) {
        return;
      }
      counters.increment(RECEIVED);
      handle((InetSocketAddress) source, receive.position(), now);
    }
  }

  /** Thread mode: blocking receives until the channel is closed. */
  @Override
  public void run() {
    while (channel.isOpen()) {
      receive.clear();
      SocketAddress source;
      try {
        source = channel.receive(receive);
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException e) {
        counters.increment(RECEIVE_ERRORS);
        continue;
      }
      if (source == null) {
        continue;
      }
      counters.increment(RECEIVED);
      try {
        handle((InetSocketAddress) source, receive.position(), clock.millis());
      } catch (RuntimeException e) {
        // Nothing here should throw; this only keeps one bug from stopping the thread.
        log.error("unexpected failure relaying a datagram", e);
      }
    }
  }

  private void handle(InetSocketAddress source, int length, long now) {
    // tryWrap rejects without allocating: a flood of garbage costs no exception objects.
    if (!decoder.tryWrap(receive, 0, length)) {
      counters.increment(DROPPED_MALFORMED);
      return;
    }
    Room room = rooms.find(receive, decoder.roomNameOffset(), decoder.roomNameLength());
    if (room == null) {
      counters.increment(DROPPED_UNKNOWN_ROOM);
      return;
    }
    Member member = room.memberByToken(receive, decoder.tokenOffset(), decoder.tokenLength());
    if (member == null) {
      counters.increment(DROPPED_BAD_TOKEN);
      return;
    }
    if (!member.ip().equals(source.getAddress())) {
      counters.increment(DROPPED_WRONG_ADDRESS);
      return;
    }
    member.seen(source, now);
    int textLength = decoder.messageLength();
    if (textLength == 0) {
      counters.increment(HEARTBEATS);
      return;
    }
    // Checked here rather than by the encoder's exception, which would allocate.
    if (RelayDatagramEncoder.FIXED_LENGTH + member.username().length + textLength
        > RelayDatagramEncoder.MAX_LENGTH) {
      counters.increment(DROPPED_OVERSIZE);
      return;
    }
    send.clear();
    int frame =
        encoder
            .wrap(send, 0)
            .kind(Kind.MESSAGE)
            .sender(member.username())
            .text(receive, decoder.messageOffset(), textLength)
            .length();
    counters.increment(RELAYED);
    broadcast(room, member, frame);
  }

  /** Sends a notice (empty sender) to every registered member but {@code except} (may be null). */
  void notice(Room room, Member except, Kind kind, byte[] text) {
    broadcast(room, except, encodeNotice(kind, text));
  }

  /** Sends a notice of {@code kind} to one member, if it is registered. */
  void tell(Member member, Kind kind, byte[] text) {
    InetSocketAddress address = member.address();
    if (address != null) {
      sendTo(address, encodeNotice(kind, text));
    }
  }

  private int encodeNotice(Kind kind, byte[] text) {
    send.clear();
    return encoder.wrap(send, 0).kind(kind).sender(NO_SENDER).text(text).length();
  }

  private void broadcast(Room room, Member except, int frame) {
    // One read of the published array: it may be replaced meanwhile, never changed.
    Member[] members = room.members();
    for (Member to : members) {
      InetSocketAddress address = to.address();
      if (to != except && address != null) {
        sendTo(address, frame);
      }
    }
  }

  private void sendTo(InetSocketAddress target, int frame) {
    send.limit(frame).position(0);
    try {
      if (channel.send(send, target) == 0) {
        counters.increment(SEND_FAILURES);
      } else {
        counters.increment(SENT);
      }
    } catch (IOException e) {
      counters.increment(SEND_FAILURES);
    }
  }
}
