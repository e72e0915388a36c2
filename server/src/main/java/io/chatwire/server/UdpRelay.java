package io.chatwire.server;

import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.RelayDatagramEncoder;
import io.chatwire.wire.MalformedFrameException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * The UDP data plane: receives {@code ChatDatagram}s into one direct buffer, checks room, token and
 * source IP, and relays one {@code RelayDatagram} per message to the other registered members.
 *
 * <p>The accepted path allocates nothing of its own: the room and the member are found by probing
 * byte-keyed maps with ranges of the receive buffer, the source IP is compared with {@link
 * java.net.InetAddress#equals} and the relay datagram is encoded once into one direct send buffer.
 * The only object per datagram is the {@code SocketAddress} that {@link DatagramChannel#receive}
 * returns (Java 17 reuses it while the sender stays the same). Dropped datagrams are counted, never
 * answered and never logged.
 */
final class UdpRelay implements EventLoop.Handler {
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

  long received;
  long heartbeats;
  long relayed;
  long sent;
  long droppedMalformed;
  long droppedUnknownRoom;
  long droppedBadToken;
  long droppedWrongAddress;
  long droppedOversize;
  long sendFailures;
  long receiveErrors;

  UdpRelay(DatagramChannel channel, Rooms rooms, Clock clock) {
    this.channel = channel;
    this.rooms = rooms;
    this.clock = clock;
  }

  @Override
  public void ready(SelectionKey key) {
    long now = clock.millis();
    for (int i = 0; i < BATCH; i++) {
      receive.clear();
      SocketAddress source;
      try {
        source = channel.receive(receive);
      } catch (IOException e) {
        receiveErrors++;
        return;
      }
      if (source == null) {
        return;
      }
      received++;
      handle((InetSocketAddress) source, receive.position(), now);
    }
  }

  private void handle(InetSocketAddress source, int length, long now) {
    try {
      decoder.wrap(receive, 0, length);
    } catch (MalformedFrameException e) {
      droppedMalformed++;
      return;
    }
    Room room = rooms.find(receive, decoder.roomNameOffset(), decoder.roomNameLength());
    if (room == null) {
      droppedUnknownRoom++;
      return;
    }
    Member member = room.memberByToken(receive, decoder.tokenOffset(), decoder.tokenLength());
    if (member == null) {
      droppedBadToken++;
      return;
    }
    if (!member.ip().equals(source.getAddress())) {
      droppedWrongAddress++;
      return;
    }
    member.seen(source, now);
    int textLength = decoder.messageLength();
    if (textLength == 0) {
      heartbeats++;
      return;
    }
    // Checked here rather than by the encoder's exception, which would allocate.
    if (RelayDatagramEncoder.FIXED_LENGTH + member.username().length + textLength
        > RelayDatagramEncoder.MAX_LENGTH) {
      droppedOversize++;
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
    relayed++;
    broadcast(room, member, frame);
  }

  /** Sends a notice (empty sender) to every registered member but {@code except} (may be null). */
  void notice(Room room, Member except, Kind kind, byte[] text) {
    broadcast(room, except, encodeNotice(kind, text));
  }

  /** Sends a notice of {@code kind} to one member, if it is registered. */
  void tell(Member member, Kind kind, byte[] text) {
    if (member.registered()) {
      sendTo(member.address(), encodeNotice(kind, text));
    }
  }

  private int encodeNotice(Kind kind, byte[] text) {
    send.clear();
    return encoder.wrap(send, 0).kind(kind).sender(NO_SENDER).text(text).length();
  }

  private void broadcast(Room room, Member except, int frame) {
    for (int i = 0, n = room.size(); i < n; i++) {
      Member to = room.member(i);
      if (to != except && to.registered()) {
        sendTo(to.address(), frame);
      }
    }
  }

  private void sendTo(InetSocketAddress target, int frame) {
    send.limit(frame).position(0);
    try {
      if (channel.send(send, target) == 0) {
        sendFailures++;
      } else {
        sent++;
      }
    } catch (IOException e) {
      sendFailures++;
    }
  }
}
