package io.chatwire.server;

import io.chatwire.protocol.Kind;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room lifecycle on the event loop: creating, joining, leaving, expiring and closing, with the
 * notices each one sends and its one log line.
 *
 * <pre>
 *   CREATE ok --> open --JOIN ok--> "bob joined" to the others
 *                  |   --LEAVE / idle member--> "bob left" / "bob timed out" (+ EXPIRED to bob)
 *                  +---host LEAVE / idle host / server stop--> CLOSED to every member --> gone
 * </pre>
 */
final class Membership {
  private static final Logger log = LoggerFactory.getLogger(Membership.class);

  private final Rooms rooms;
  private final Relay relay;
  private final Clock clock;
  private final long idleMillis;
  private final long registerMillis;
  private final SourceLimits limits;

  Membership(Rooms rooms, Relay relay, ServerOptions options, SourceLimits limits) {
    this.rooms = rooms;
    this.relay = relay;
    this.clock = options.clock();
    this.idleMillis = options.idleTimeout().toMillis();
    this.registerMillis = options.registerTimeout().toMillis();
    this.limits = limits;
  }

  Rooms rooms() {
    return rooms;
  }

  /**
   * Opens a room with {@code host} as its host and returns the host member.
   *
   * @param creator the source the room counts under for {@code --max-rooms-per-ip}, or null
   */
  Member create(
      String roomName,
      byte[] roomBytes,
      PasswordHash password,
      Name host,
      InetAddress ip,
      InetAddress creator) {
    Room room = rooms.open(roomName, roomBytes, password, creator);
    Member member = rooms.admit(room, host.text(), host.bytes(), ip, clock.millis());
    log.info(
        "room '{}' created by '{}' from {}{}",
        roomName,
        host.text(),
        ip.getHostAddress(),
        password == null ? "" : " (locked)");
    return member;
  }

  /** Adds {@code name} to {@code room} and tells the others. */
  Member join(Room room, Name name, InetAddress ip) {
    Member member = rooms.admit(room, name.text(), name.bytes(), ip, clock.millis());
    relay.notice(room, member, Kind.NOTICE, text(name.text() + " joined"));
    log.info(
        "'{}' joined room '{}' from {} ({} members)",
        name.text(),
        room.name(),
        ip.getHostAddress(),
        room.size());
    return member;
  }

  /** Removes a member at its request; the host leaving closes the room. */
  void leave(Member member) {
    Room room = member.room();
    if (member.isHost()) {
      close(room, "host '" + member.name() + "' left", null);
      return;
    }
    rooms.dismiss(member);
    relay.notice(room, null, Kind.NOTICE, text(member.name() + " left"));
    log.info("'{}' left room '{}'", member.name(), room.name());
  }

  /**
   * Removes every member silent for longer than the idle timeout, and every room whose host has
   * sent no datagram within the register timeout (a CREATE from a client that then went away, or
   * that only fills the room table): its creator's room quota is freed with it.
   */
  void sweep() {
    long now = clock.millis();
    for (Room room : rooms.all()) {
      Member host = room.host();
      if (host != null && !host.registered() && now - host.lastSeenMillis() > registerMillis) {
        limits.bit(
            Limit.UNREGISTERED_ROOM,
            host.ip(),
            "room '" + Name.forLog(room.name()) + "' removed: its host sent no datagram");
        close(room, "host '" + host.name() + "' never sent a datagram", null);
        continue;
      }
      // Backwards, so that removing member i does not skip member i + 1.
      for (int i = room.size() - 1; i >= 0 && !room.closed(); i--) {
        Member member = room.member(i);
        if (now - member.lastSeenMillis() > idleMillis) {
          expire(member);
        }
      }
    }
  }

  private void expire(Member member) {
    Room room = member.room();
    relay.tell(member, Kind.EXPIRED, text("you were removed for inactivity"));
    if (member.isHost()) {
      close(room, "host '" + member.name() + "' timed out", member);
      return;
    }
    rooms.dismiss(member);
    relay.notice(room, null, Kind.NOTICE, text(member.name() + " timed out"));
    log.info("'{}' timed out in room '{}'", member.name(), room.name());
  }

  /** Tells every member but {@code except} (may be null) that the room is gone, and forgets it. */
  void close(Room room, String reason, Member except) {
    relay.notice(room, except, Kind.CLOSED, text("room " + room.name() + " closed: " + reason));
    rooms.forget(room);
    log.info("room '{}' closed: {}", room.name(), reason);
  }

  /** Closes every room, e.g. when the server stops. */
  void closeAll(String reason) {
    for (Room room : rooms.all()) {
      close(room, reason, null);
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
