package io.chatwire.wire;

/** Byte order of every multi-byte integer in a {@link Message}. */
public enum Endian {
  /** Most significant byte first (network byte order). */
  BIG,
  /** Least significant byte first. */
  LITTLE
}
