package io.chatwire.server;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A chat room: its name, optional password hash, host and members.
 *
 * <p>Only the event loop changes a room. What relay threads read (the member array and the token
 * map) is copy on write: a change builds a new array or map and publishes it with one volatile
 * write, so a relay thread sees either the old or the new membership, never a half-changed one, and
 * takes no lock. Membership changes (join, leave, expiry) are rare next to datagrams.
 */
final class Room {
  private static final Member[] NONE = new Member[0];

  private final String name;
  private final byte[] nameBytes;
  private final PasswordHash password;
  private final InetAddress creator;
  private final ByteKeyMap<Member> byUsername = new ByteKeyMap<>();
  private volatile ByteKeyMap<Member> byToken = new ByteKeyMap<>();
  private volatile Member[] members = NONE;
  private Member host;
  private volatile boolean closed;

  /**
   * A room with no member yet.
   *
   * @param creator the source its creator counts under for {@code --max-rooms-per-ip}, or null
   *     (exempt)
   */
  Room(String name, byte[] nameBytes, PasswordHash password, InetAddress creator) {
    this.name = name;
    this.nameBytes = nameBytes;
    this.password = password;
    this.creator = creator;
  }

  /** The source the room counts under for {@code --max-rooms-per-ip}, or null (exempt). */
  InetAddress creator() {
    return creator;
  }

  String name() {
    return name;
  }

  byte[] nameBytes() {
    return nameBytes;
  }

  /** The password hash, or null for an open room. */
  PasswordHash password() {
    return password;
  }

  boolean locked() {
    return password != null;
  }

  Member host() {
    return host;
  }

  boolean closed() {
    return closed;
  }

  void markClosed() {
    closed = true;
  }

  /** The number of members; consistent with {@link #member} on the event loop only. */
  int size() {
    return members.length;
  }

  /** The member at {@code i}, {@code 0 <= i < size()}, on the event loop. */
  Member member(int i) {
    return members[i];
  }

  /** The current members, host first: a published array that is never changed, do not change it. */
  Member[] members() {
    return members;
  }

  boolean hasUsername(byte[] username) {
    return byUsername.containsKey(username);
  }

  /** The member whose token is in {@code length} bytes of {@code buffer} at {@code index}. */
  Member memberByToken(ByteBuffer buffer, int index, int length) {
    return byToken.get(buffer, index, length);
  }

  Member memberByToken(byte[] token) {
    return byToken.get(token);
  }

  /** Adds a member; the first one added is the host. Event loop only. */
  void add(Member member) {
    ByteKeyMap<Member> tokens = byToken.copy();
    tokens.put(member.token(), member);
    Member[] grown = Arrays.copyOf(members, members.length + 1);
    grown[grown.length - 1] = member;
    byUsername.put(member.username(), member);
    if (host == null) {
      host = member;
    }
    // Token map first: a relay thread that finds the member by token may not see it in the array
    // yet, which only means the member's first message reaches the room without itself.
    byToken = tokens;
    members = grown;
  }

  /** Removes a member. Event loop only. */
  void remove(Member member) {
    Member[] current = members;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == member) {
        Member[] shrunk = new Member[current.length - 1];
        System.arraycopy(current, 0, shrunk, 0, i);
        System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
        ByteKeyMap<Member> tokens = byToken.copy();
        tokens.remove(member.token());
        byUsername.remove(member.username());
        byToken = tokens;
        members = shrunk;
        return;
      }
    }
  }
}
