package io.chatwire.server;

import io.chatwire.wire.WireBuffers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open-addressing map keyed by byte strings that can be probed straight from a range of a
 * received buffer, so that the relay looks up rooms and tokens without creating a String or an
 * array per datagram.
 *
 * <p>Linear probing, power-of-two capacity at most half full, backward-shift deletion. Not
 * thread-safe: one thread writes it. Relay threads read only a {@link #copy} that nobody changes
 * after it is published through a volatile field (copy on write, see {@link Rooms} and {@link
 * Room}).
 *
 * @param <V> the value type
 */
final class ByteKeyMap<V> {
  private static final int MIN_CAPACITY = 8;

  private byte[][] keys;
  private int[] hashes;
  private Object[] values;
  private int mask;
  private int size;

  ByteKeyMap() {
    allocate(MIN_CAPACITY);
  }

  private ByteKeyMap(ByteKeyMap<V> from) {
    keys = from.keys.clone();
    hashes = from.hashes.clone();
    values = from.values.clone();
    mask = from.mask;
    size = from.size;
  }

  /** An independent copy (the keys themselves are shared, they are never changed). */
  ByteKeyMap<V> copy() {
    return new ByteKeyMap<>(this);
  }

  int size() {
    return size;
  }

  /** Looks up the key held in {@code length} bytes of {@code buffer} at {@code index}. */
  V get(ByteBuffer buffer, int index, int length) {
    int hash = WireBuffers.hash(buffer, index, length);
    for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && WireBuffers.contentEquals(buffer, index, length, keys[slot])) {
        return valueAt(slot);
      }
    }
    return null;
  }

  V get(byte[] key) {
    int slot = find(key, Arrays.hashCode(key));
    return slot < 0 ? null : valueAt(slot);
  }

  boolean containsKey(byte[] key) {
    return find(key, Arrays.hashCode(key)) >= 0;
  }

  /** Maps {@code key} (not copied: the caller must not change it) to {@code value}. */
  V put(byte[] key, V value) {
    int hash = Arrays.hashCode(key);
    int found = find(key, hash);
    if (found >= 0) {
      V old = valueAt(found);
      values[found] = value;
      return old;
    }
    if (2 * (size + 1) > keys.length) {
      rehash(keys.length * 2);
    }
    int slot = hash & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    hashes[slot] = hash;
    values[slot] = value;
    size++;
    return null;
  }

  V remove(byte[] key) {
    int slot = find(key, Arrays.hashCode(key));
    if (slot < 0) {
      return null;
    }
    V old = valueAt(slot);
    deleteAt(slot);
    size--;
    return old;
  }

  /** The values in slot order (allocates; for listings and sweeps, not the hot path). */
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != null) {
        out.add(valueAt(slot));
      }
    }
    return out;
  }

  private int find(byte[] key, int hash) {
    for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && Arrays.equals(keys[slot], key)) {
        return slot;
      }
    }
    return -1;
  }

  private void deleteAt(int hole) {
    keys[hole] = null;
    values[hole] = null;
    int slot = hole;
    while (true) {
      slot = (slot + 1) & mask;
      if (keys[slot] == null) {
        return;
      }
      int home = hashes[slot] & mask;
      // The entry at slot may move into the hole only if its home is not cyclically in (hole,
      // slot].
      boolean stays = hole <= slot ? (home > hole && home <= slot) : (home > hole || home <= slot);
      if (!stays) {
        keys[hole] = keys[slot];
        hashes[hole] = hashes[slot];
        values[hole] = values[slot];
        keys[slot] = null;
        values[slot] = null;
        hole = slot;
      }
    }
  }

  private void rehash(int capacity) {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldValues = values;
    allocate(capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = oldHashes[i] & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        hashes[slot] = oldHashes[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new byte[capacity][];
    hashes = new int[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
  }

  @SuppressWarnings("unchecked") // only V is ever stored in values
  private V valueAt(int slot) {
    return (V) values[slot];
  }
}
