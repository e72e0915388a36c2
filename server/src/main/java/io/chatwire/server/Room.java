package io.chatwire.server;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A chat room: its name, optional password hash, host and members, owned by the event loop. */
final class Room {
  private final String name;
  private final byte[] nameBytes;
  private final PasswordHash password;
  private final ByteKeyMap<Member> byToken = new ByteKeyMap<>();
  private final ByteKeyMap<Member> byUsername = new ByteKeyMap<>();
  private Member[] members = new Member[4];
  private int count;
  private Member host;
  private boolean closed;

  Room(String name, byte[] nameBytes, PasswordHash password) {
    this.name = name;
    this.nameBytes = nameBytes;
    this.password = password;
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

  int size() {
    return count;
  }

  /** The member at {@code i}, {@code 0 <= i < size()}: index loops allocate no iterator. */
  Member member(int i) {
    return members[i];
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

  /** Adds a member; the first one added is the host. */
  void add(Member member) {
    if (count == members.length) {
      members = Arrays.copyOf(members, count * 2);
    }
    members[count++] = member;
    byToken.put(member.token(), member);
    byUsername.put(member.username(), member);
    if (host == null) {
      host = member;
    }
  }

  void remove(Member member) {
    for (int i = 0; i < count; i++) {
      if (members[i] == member) {
        System.arraycopy(members, i + 1, members, i, count - i - 1);
        members[--count] = null;
        byToken.remove(member.token());
        byUsername.remove(member.username());
        return;
      }
    }
  }
}
