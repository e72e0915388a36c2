package io.chatwire.server;

import static io.chatwire.server.RelayCounters.DROPPED_BAD_TOKEN;
import static io.chatwire.server.RelayCounters.DROPPED_MALFORMED;
import static io.chatwire.server.RelayCounters.DROPPED_OVERSIZE;
import static io.chatwire.server.RelayCounters.DROPPED_RATE;
import static io.chatwire.server.RelayCounters.DROPPED_UNKNOWN_ROOM;
import static io.chatwire.server.RelayCounters.DROPPED_WRONG_ADDRESS;
import static io.chatwire.server.RelayCounters.HEARTBEATS;
import static io.chatwire.server.RelayCounters.RELAYED;

import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.RelayDatagramEncoder;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the relay does with one datagram, whatever moves it: decode the {@code ChatDatagram}, check
 * room, token and source IP, encode one {@code RelayDatagram} and hand it to every other member.
 * {@link UdpRelay} moves datagrams one system call at a time, {@link BatchRelay} many at a time.
 *
 * <p>One instance per thread, each with its own flyweights and {@link RelayCounters}. Room state is
 * read through the snapshots that {@link Rooms} and {@link Room} publish (see {@link Room}), so
 * relay threads take no lock.
 *
 * <p>The accepted path allocates nothing: the room and the member are found by probing byte-keyed
 * maps with ranges of the receive buffer and the relay datagram is encoded once. Dropped datagrams
 * are counted, never answered and never logged; a member over its rate ({@link FloodControl}) gets
 * a {@code slow down} notice every 5 s and a log line every minute at most.
 */
abstract class Relay {
  private static final Logger log = LoggerFactory.getLogger(Relay.class);
  private static final byte[] NO_SENDER = new byte[0];

  final Rooms rooms;
  final Clock clock;
  final RelayCounters counters = new RelayCounters();
  private final ChatDatagramDecoder decoder = new ChatDatagramDecoder();
  private final RelayDatagramEncoder encoder = new RelayDatagramEncoder();

  Relay(Rooms rooms, Clock clock) {
    this.rooms = rooms;
    this.clock = clock;
  }

  final RelayCounters counters() {
    return counters;
  }

  /**
   * Relays the datagram in {@code length} bytes of {@code in} at {@code offset}, which arrived as
   * number {@code source} of its batch, encoding what is sent at {@code outOffset} of the send
   * buffer.
   */
  final void relay(ByteBuffer in, int offset, int length, int source, long now, int outOffset) {
    // tryWrap rejects without allocating: a flood of garbage costs no exception objects.
    if (!decoder.tryWrap(in, offset, length)) {
      counters.increment(DROPPED_MALFORMED);
      return;
    }
    Room room = rooms.find(in, decoder.roomNameOffset(), decoder.roomNameLength());
    if (room == null) {
      counters.increment(DROPPED_UNKNOWN_ROOM);
      return;
    }
    Member member = room.memberByToken(in, decoder.tokenOffset(), decoder.tokenLength());
    if (member == null) {
      counters.increment(DROPPED_BAD_TOKEN);
      return;
    }
    if (!fromMember(member, source, now)) {
      counters.increment(DROPPED_WRONG_ADDRESS);
      return;
    }
    int textLength = decoder.messageLength();
    if (textLength == 0) {
      counters.increment(HEARTBEATS);
      return;
    }
    if (!member.withinRate(now)) {
      counters.increment(DROPPED_RATE);
      slowDown(member, now);
      return;
    }
    // Checked here rather than by the encoder's exception, which would allocate.
    if (RelayDatagramEncoder.FIXED_LENGTH + member.username().length + textLength
        > RelayDatagramEncoder.MAX_LENGTH) {
      counters.increment(DROPPED_OVERSIZE);
      return;
    }
    int frame =
        encoder
            .wrap(sendBuffer(), outOffset)
            .kind(Kind.MESSAGE)
            .sender(member.username())
            .text(in, decoder.messageOffset(), textLength)
            .length();
    counters.increment(RELAYED);
    broadcast(room, member, outOffset, frame);
  }

  /** Tells a member over its rate to slow down, and logs it, each at most so often. */
  private void slowDown(Member member, long now) {
    if (member.slowDownDue(now)) {
      tell(member, Kind.NOTICE, member.flood().slowDownText());
    }
    long dropped = member.rateDropsToLog(now);
    if (dropped > 0) {
      log.info(
          "'{}' in room '{}' from {} is over --max-rate {}/s (--max-burst {}): {} message(s)"
              + " dropped since the last line, logged once a minute at most",
          member.name(),
          member.room().name(),
          member.ip().getHostAddress(),
          member.flood().maxRate(),
          member.flood().maxBurst(),
          dropped);
    }
  }

  /** Sends a notice (empty sender) to every registered member but {@code except} (may be null). */
  final void notice(Room room, Member except, Kind kind, byte[] text) {
    broadcast(room, except, noticeOffset(), encodeNotice(kind, text));
    flush();
  }

  /** Sends a notice of {@code kind} to one member, if it is registered. */
  final void tell(Member member, Kind kind, byte[] text) {
    sendTo(member, noticeOffset(), encodeNotice(kind, text));
    flush();
  }

  private int encodeNotice(Kind kind, byte[] text) {
    return encoder
        .wrap(sendBuffer(), noticeOffset())
        .kind(kind)
        .sender(NO_SENDER)
        .text(text)
        .length();
  }

  private void broadcast(Room room, Member except, int offset, int length) {
    // One read of the published array: it may be replaced meanwhile, never changed.
    Member[] members = room.members();
    for (Member to : members) {
      if (to != except) {
        sendTo(to, offset, length);
      }
    }
  }

  /**
   * Whether datagram {@code source} of the batch came from {@code member}'s IP; if so, records its
   * address and {@code now} as the member's last datagram.
   */
  abstract boolean fromMember(Member member, int source, long now);

  /** The buffer relayed datagrams and notices are encoded into. */
  abstract ByteBuffer sendBuffer();

  /** Where in {@link #sendBuffer} notices are encoded. */
  abstract int noticeOffset();

  /**
   * Sends {@code length} bytes of the send buffer at {@code offset} to {@code to}, if registered.
   */
  abstract void sendTo(Member to, int offset, int length);

  /** Sends whatever {@link #sendTo} has queued. */
  abstract void flush();
}
