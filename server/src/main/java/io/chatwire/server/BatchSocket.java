package io.chatwire.server;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A UDP socket that moves many datagrams per system call ({@code recvmmsg}/{@code sendmmsg}). The
 * implementation needs the Foreign Function &amp; Memory API and lives in the multi-release part of
 * the jar ({@code META-INF/versions/22}); {@link BatchSockets} finds it.
 *
 * <p>The socket itself is safe to share: each thread that receives gets its own {@link Receiver},
 * each thread that sends its own {@link Sender}, both with their own native memory.
 */
interface BatchSocket extends Closeable {
  /** The bound port. */
  int port();

  /**
   * Native buffers for one receiving thread, {@link Receiver#CAPACITY} slots of {@code slotBytes}
   * each.
   */
  Receiver newReceiver(int slotBytes);

  /**
   * Native buffers for one sending thread: {@code bufferBytes} to encode datagrams into, and a
   * queue; what it sends and fails to send is counted in {@code counters}.
   */
  Sender newSender(int bufferBytes, RelayCounters counters);

  /** Whether {@link #shutdown} or {@link #close} has been called. */
  boolean isOpen();

  /** Wakes every thread blocked in {@link Receiver#receive}; it then sees {@code !isOpen()}. */
  void shutdown();

  /** Shuts down and releases the file descriptor; call once the receiving threads have ended. */
  @Override
  void close();

  /** Up to {@link #CAPACITY} datagrams per call, each in its own slot of one buffer. */
  interface Receiver {
    int CAPACITY = 64;

    /** The buffer the datagrams land in; datagram {@code i} is at {@link #offset}. */
    ByteBuffer buffer();

    /**
     * Waits for at least one datagram (at most about half a second) and takes every datagram that
     * is ready, up to {@link #CAPACITY}.
     *
     * @return how many arrived, 0 if none did in time or the socket was shut down
     * @throws IOException for any other receive error
     */
    int receive() throws IOException;

    int offset(int i);

    /** The length of datagram {@code i}; a longer datagram was cut to its slot size. */
    int length(int i);

    /** Whether datagram {@code i} came from exactly {@code address}. */
    boolean from(int i, SockAddr address);

    /** Whether datagram {@code i} came from {@code ip} (4 or 16 bytes; IPv4-mapped too). */
    boolean fromIp(int i, byte[] ip);

    /** The sender of datagram {@code i}, as a new object. */
    SockAddr source(int i);
  }

  /** Datagrams queued from one buffer and sent up to 1024 per call. */
  interface Sender {
    /** Where the datagrams to send are encoded. */
    ByteBuffer buffer();

    /**
     * Queues {@code length} bytes of {@link #buffer} at {@code offset} for {@code to}, sending the
     * queue first if it is full. The bytes must stay unchanged until {@link #flush}.
     */
    void add(int offset, int length, SockAddr to);

    /** Sends everything queued, counting what was sent and what failed. */
    void flush();
  }
}
