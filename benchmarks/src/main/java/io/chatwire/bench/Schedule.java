package io.chatwire.bench;

/**
 * Which member sends message {@code id}: ids cycle through every (room, sender) pair, rooms first,
 * so consecutive messages go to different rooms and every sender gets the same share.
 *
 * <pre>
 * i = id mod (rooms * senders);  room = i mod rooms;  sender slot = i / rooms
 * </pre>
 */
record Schedule(int rooms, int members, int senders) {
  Schedule {
    if (rooms < 1 || members < 2 || senders < 1 || senders > members) {
      throw new IllegalArgumentException(
          "need rooms >= 1, members >= 2, 1 <= senders <= members; got "
              + rooms
              + " x "
              + members
              + ", senders "
              + senders);
    }
  }

  int room(long id) {
    return (int) (id % ((long) rooms * senders)) % rooms;
  }

  int senderSlot(long id) {
    return (int) (id % ((long) rooms * senders)) / rooms;
  }
}
