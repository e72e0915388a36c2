package io.chatwire.server;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every open room by name, plus the set of tokens handed out and the id of this set (the server
 * instance: a restarted server has another one, so that a client can tell its token is unknown here
 * rather than that no server answers). Only the event loop changes them; the name map that relay
 * threads probe is copy on write, published with one volatile write (rooms open and close rarely).
 */
final class Rooms {
  private static final int TOKEN_BYTES = 16;
  private static final int INSTANCE_BYTES = 8;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private volatile ByteKeyMap<Room> byName = new ByteKeyMap<>();
  private final ByteKeyMap<Member> tokens = new ByteKeyMap<>();
  private final Map<InetAddress, Integer> byCreator = new HashMap<>();
  private final SecureRandom random = new SecureRandom();
  // Written by the event loop only; volatile so that the metrics endpoint reads it.
  private volatile int members;
  private final FloodControl flood;
  private final String instance;

  /** Rooms whose members are held to {@code flood}. */
  Rooms(FloodControl flood) {
    this.flood = flood;
    this.instance = new String(hex(new byte[INSTANCE_BYTES]), StandardCharsets.US_ASCII);
  }

  /** This server instance's id: 16 random lowercase hex characters, new at every start. */
  String instance() {
    return instance;
  }

  int size() {
    return byName.size();
  }

  int memberCount() {
    return members;
  }

  Room find(ByteBuffer buffer, int index, int length) {
    return byName.get(buffer, index, length);
  }

  Room find(byte[] name) {
    return byName.get(name);
  }

  List<Room> all() {
    return byName.values();
  }

  /** Rooms open now that {@code creator} (a source key of {@link ServerOptions#sourceOf}) made. */
  int createdBy(InetAddress creator) {
    return byCreator.getOrDefault(creator, 0);
  }

  /**
   * Opens a room.
   *
   * @param creator the source it counts under for the per-source room limit, null for none
   */
  Room open(String name, byte[] nameBytes, PasswordHash password, InetAddress creator) {
    Room room = new Room(name, nameBytes, password, creator);
    if (creator != null) {
      byCreator.merge(creator, 1, Integer::sum);
    }
    ByteKeyMap<Room> names = byName.copy();
    names.put(nameBytes, room);
    byName = names;
    return room;
  }

  /** Forgets a room and its members' tokens. */
  void forget(Room room) {
    room.markClosed();
    if (room.creator() != null) {
      byCreator.computeIfPresent(room.creator(), (k, n) -> n > 1 ? n - 1 : null);
    }
    ByteKeyMap<Room> names = byName.copy();
    names.remove(room.nameBytes());
    byName = names;
    for (int i = 0; i < room.size(); i++) {
      tokens.remove(room.member(i).token());
    }
    members -= room.size();
  }

  /** Adds a member with a fresh token, unique among every token now in use. */
  Member admit(Room room, String name, byte[] username, InetAddress ip, long now) {
    byte[] token = newToken();
    while (tokens.containsKey(token)) {
      token = newToken();
    }
    Member member = new Member(room, name, username, token, ip, now, flood);
    room.add(member);
    tokens.put(token, member);
    members++;
    return member;
  }

  void dismiss(Member member) {
    member.room().remove(member);
    tokens.remove(member.token());
    members--;
  }

  /** 128 random bits from SecureRandom as 32 lowercase hex characters. */
  private byte[] newToken() {
    return hex(new byte[TOKEN_BYTES]);
  }

  /** Fills {@code raw} from SecureRandom and returns it as lowercase hex characters. */
  private byte[] hex(byte[] raw) {
    random.nextBytes(raw);
    byte[] hex = new byte[raw.length * 2];
    for (int i = 0; i < raw.length; i++) {
      hex[2 * i] = HEX[(raw[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX[raw[i] & 0xF];
    }
    return hex;
  }
}
