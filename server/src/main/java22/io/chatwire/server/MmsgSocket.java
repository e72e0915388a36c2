package io.chatwire.server;

import static io.chatwire.server.MmsgSockets.AF_INET;
import static io.chatwire.server.MmsgSockets.AF_INET6;
import static io.chatwire.server.MmsgSockets.BIND;
import static io.chatwire.server.MmsgSockets.CLOSE;
import static io.chatwire.server.MmsgSockets.EAGAIN;
import static io.chatwire.server.MmsgSockets.EINTR;
import static io.chatwire.server.MmsgSockets.GETSOCKNAME;
import static io.chatwire.server.MmsgSockets.IOVEC_BYTES;
import static io.chatwire.server.MmsgSockets.IPPROTO_IPV6;
import static io.chatwire.server.MmsgSockets.IPV6_V6ONLY;
import static io.chatwire.server.MmsgSockets.MMSGHDR_BYTES;
import static io.chatwire.server.MmsgSockets.MSG_IOV;
import static io.chatwire.server.MmsgSockets.MSG_IOVLEN;
import static io.chatwire.server.MmsgSockets.MSG_LEN;
import static io.chatwire.server.MmsgSockets.MSG_NAME;
import static io.chatwire.server.MmsgSockets.MSG_NAMELEN;
import static io.chatwire.server.MmsgSockets.MSG_WAITFORONE;
import static io.chatwire.server.MmsgSockets.RECVMMSG;
import static io.chatwire.server.MmsgSockets.SENDMMSG;
import static io.chatwire.server.MmsgSockets.SETSOCKOPT;
import static io.chatwire.server.MmsgSockets.SHUTDOWN;
import static io.chatwire.server.MmsgSockets.SHUT_RD;
import static io.chatwire.server.MmsgSockets.SOCKADDR_IN6_BYTES;
import static io.chatwire.server.MmsgSockets.SOCKADDR_IN_BYTES;
import static io.chatwire.server.MmsgSockets.SOCKADDR_SLOT;
import static io.chatwire.server.MmsgSockets.SOCKET;
import static io.chatwire.server.MmsgSockets.SOCK_CLOEXEC;
import static io.chatwire.server.MmsgSockets.SOCK_DGRAM;
import static io.chatwire.server.MmsgSockets.SOL_SOCKET;
import static io.chatwire.server.MmsgSockets.SO_RCVBUF;
import static io.chatwire.server.MmsgSockets.SO_RCVTIMEO;
import static io.chatwire.server.MmsgSockets.SO_REUSEPORT;
import static io.chatwire.server.MmsgSockets.SO_SNDBUF;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bound UDP socket driven with {@code recvmmsg} and {@code sendmmsg}. Its receivers and senders
 * keep their buffers, message headers and address slots in native memory of an automatic arena, set
 * up once: a call only rewrites the lengths and addresses that change.
 */
final class MmsgSocket implements BatchSocket {
  private static final ValueLayout.OfShort PORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
  private static final int RECEIVE_TIMEOUT_MICROS = 500_000;
  private static final int SEND_QUEUE = 1024; // UIO_MAXIOV: the most sendmmsg takes at once
  private static final int EINTR_RETRIES = 16;

  private final int fd;
  private final int family;
  private final int nameBytes;
  private final int port;
  private volatile boolean open = true;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MmsgSocket(int fd, int family, int port) {
    this.fd = fd;
    this.family = family;
    this.nameBytes = family == AF_INET ? SOCKADDR_IN_BYTES : SOCKADDR_IN6_BYTES;
    this.port = port;
  }

  /** Opens, configures and binds a socket of {@code address}'s family. */
  static MmsgSocket open(InetSocketAddress address, boolean shared, int bufferBytes)
      throws IOException {
    InetAddress ip = address.getAddress();
    int family = ip instanceof Inet4Address ? AF_INET : AF_INET6;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = MmsgSockets.callState(arena);
      int fd = (int) SOCKET.invokeExact(state, family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
      if (fd < 0) {
        throw failure("socket", state);
      }
      try {
        setInt(arena, state, fd, SOL_SOCKET, SO_RCVBUF, bufferBytes);
        setInt(arena, state, fd, SOL_SOCKET, SO_SNDBUF, bufferBytes);
        if (shared) {
          setInt(arena, state, fd, SOL_SOCKET, SO_REUSEPORT, 1);
        }
        if (family == AF_INET6) {
          // Dual stack, as a DatagramChannel bound to :: is.
          setInt(arena, state, fd, IPPROTO_IPV6, IPV6_V6ONLY, 0);
        }
        // Bounds every blocking receive, so that a relay thread always sees shutdown in time.
        MemorySegment timeout = arena.allocate(16, 8);
        timeout.set(JAVA_LONG, 0, 0);
        timeout.set(JAVA_LONG, 8, RECEIVE_TIMEOUT_MICROS);
        check(
            "setsockopt SO_RCVTIMEO",
            (int) SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16),
            state);
        MemorySegment name = arena.allocate(SOCKADDR_SLOT, 8);
        int length = write(name, family, ip, address.getPort());
        if ((int) BIND.invokeExact(state, fd, name, length) < 0) {
          int errno = MmsgSockets.errno(state);
          throw new BindException(MmsgSockets.describe(errno) + " (bind " + address + ")");
        }
        MemorySegment bound = arena.allocate(SOCKADDR_SLOT, 8);
        MemorySegment boundLength = arena.allocate(JAVA_INT);
        boundLength.set(JAVA_INT, 0, SOCKADDR_SLOT);
        check("getsockname", (int) GETSOCKNAME.invokeExact(state, fd, bound, boundLength), state);
        return new MmsgSocket(fd, family, Short.toUnsignedInt(bound.get(PORT, 2)));
      } catch (IOException | RuntimeException | Error e) {
        int ignored = (int) CLOSE.invokeExact(state, fd);
        throw e;
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException("native call failed: " + e, e);
    }
  }

  private static void setInt(
      Arena arena, MemorySegment state, int fd, int level, int option, int value) throws Throwable {
    MemorySegment v = arena.allocate(JAVA_INT);
    v.set(JAVA_INT, 0, value);
    check(
        "setsockopt " + option,
        (int) SETSOCKOPT.invokeExact(state, fd, level, option, v, 4),
        state);
  }

  private static void check(String what, int result, MemorySegment state) throws IOException {
    if (result < 0) {
      throw failure(what, state);
    }
  }

  private static IOException failure(String what, MemorySegment state) {
    return new IOException(what + ": " + MmsgSockets.describe(MmsgSockets.errno(state)));
  }

  /** Writes a {@code sockaddr_in} or {@code sockaddr_in6}; returns its length. */
  private static int write(MemorySegment name, int family, InetAddress ip, int port) {
    name.fill((byte) 0);
    name.set(JAVA_SHORT, 0, (short) family);
    name.set(PORT, 2, (short) port);
    byte[] bytes = ip.getAddress();
    if (family == AF_INET) {
      MemorySegment.copy(bytes, 0, name, JAVA_BYTE, 4, 4);
      return SOCKADDR_IN_BYTES;
    }
    MemorySegment.copy(bytes, 0, name, JAVA_BYTE, 8, 16);
    if (ip instanceof Inet6Address v6) {
      name.set(JAVA_INT, 24, v6.getScopeId());
    }
    return SOCKADDR_IN6_BYTES;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public BatchSocket.Receiver newReceiver(int slotBytes) {
    return new Receiver(slotBytes);
  }

  @Override
  public BatchSocket.Sender newSender(int bufferBytes, RelayCounters counters) {
    return new Sender(bufferBytes, counters);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void shutdown() {
    if (!open) {
      return;
    }
    open = false;
    // On an unconnected UDP socket Linux answers ENOTCONN, yet still wakes every blocked receive.
    try (Arena arena = Arena.ofConfined()) {
      int ignored = (int) SHUTDOWN.invokeExact(MmsgSockets.callState(arena), fd, SHUT_RD);
    } catch (Throwable e) {
      // The receive timeout still ends every wait within half a second.
    }
  }

  @Override
  public void close() {
    shutdown();
    if (closed.compareAndSet(false, true)) {
      try (Arena arena = Arena.ofConfined()) {
        int ignored = (int) CLOSE.invokeExact(MmsgSockets.callState(arena), fd);
      } catch (Throwable e) {
        // Nothing more can be done about a descriptor that will not close.
      }
    }
  }

  /** Reads a received {@code sockaddr} into a new {@link SockAddr}. */
  private SockAddr sockAddr(MemorySegment names, long at, int length) {
    int family = Short.toUnsignedInt(names.get(JAVA_SHORT, at));
    byte[] ip;
    if (family == AF_INET) {
      ip = new byte[4];
      MemorySegment.copy(names, JAVA_BYTE, at + 4, ip, 0, 4);
    } else {
      ip = new byte[16];
      MemorySegment.copy(names, JAVA_BYTE, at + 8, ip, 0, 16);
    }
    InetSocketAddress address;
    try {
      // A literal address: no name lookup. IPv4-mapped IPv6 comes back as an Inet4Address.
      address =
          new InetSocketAddress(
              InetAddress.getByAddress(ip), Short.toUnsignedInt(names.get(PORT, at + 2)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("the kernel wrote an address of " + ip.length + " bytes", e);
    }
    return new SockAddr(
        names.get(JAVA_LONG, at),
        names.get(JAVA_LONG, at + 8),
        names.get(JAVA_LONG, at + 16),
        names.get(JAVA_LONG, at + 24),
        length,
        address);
  }

  private final class Receiver implements BatchSocket.Receiver {
    private final int slotBytes;
    private final MemorySegment data;
    private final MemorySegment names;
    private final MemorySegment headers;
    private final ByteBuffer buffer;
    private int last;

    Receiver(int slotBytes) {
      this.slotBytes = slotBytes;
      Arena arena = Arena.ofAuto();
      this.data = arena.allocate((long) CAPACITY * slotBytes, 64);
      this.names = arena.allocate((long) CAPACITY * SOCKADDR_SLOT, 8);
      MemorySegment iovecs = arena.allocate((long) CAPACITY * IOVEC_BYTES, 8);
      this.headers = arena.allocate((long) CAPACITY * MMSGHDR_BYTES, 8);
      this.buffer = data.asByteBuffer();
      names.fill((byte) 0);
      headers.fill((byte) 0);
      for (int i = 0; i < CAPACITY; i++) {
        long iov = (long) i * IOVEC_BYTES;
        iovecs.set(JAVA_LONG, iov, data.address() + (long) i * slotBytes);
        iovecs.set(JAVA_LONG, iov + 8, slotBytes);
        long h = (long) i * MMSGHDR_BYTES;
        headers.set(JAVA_LONG, h + MSG_NAME, names.address() + (long) i * SOCKADDR_SLOT);
        headers.set(JAVA_INT, h + MSG_NAMELEN, nameBytes);
        headers.set(JAVA_LONG, h + MSG_IOV, iovecs.address() + iov);
        headers.set(JAVA_LONG, h + MSG_IOVLEN, 1);
      }
    }

    @Override
    public ByteBuffer buffer() {
      return buffer;
    }

    @Override
    public int receive() throws IOException {
      // The kernel wrote the real address lengths into the entries it filled last time.
      for (int i = 0; i < last; i++) {
        headers.set(JAVA_INT, (long) i * MMSGHDR_BYTES + MSG_NAMELEN, nameBytes);
      }
      last = 0;
      int n;
      try {
        n = (int) RECVMMSG.invokeExact(fd, headers, CAPACITY, MSG_WAITFORONE, MemorySegment.NULL);
      } catch (Throwable e) {
        throw new IOException("recvmmsg failed: " + e, e);
      }
      if (n < 0) {
        int errno = MmsgSockets.lastErrno();
        if (errno == EAGAIN || errno == EINTR || !open) {
          return 0;
        }
        throw new IOException("recvmmsg: " + MmsgSockets.describe(errno));
      }
      last = n;
      return n;
    }

    @Override
    public int offset(int i) {
      return i * slotBytes;
    }

    @Override
    public int length(int i) {
      return headers.get(JAVA_INT, (long) i * MMSGHDR_BYTES + MSG_LEN);
    }

    @Override
    public boolean from(int i, SockAddr address) {
      long at = (long) i * SOCKADDR_SLOT;
      return address.is(
          names.get(JAVA_LONG, at),
          names.get(JAVA_LONG, at + 8),
          names.get(JAVA_LONG, at + 16),
          names.get(JAVA_LONG, at + 24));
    }

    @Override
    public boolean fromIp(int i, byte[] ip) {
      long at = (long) i * SOCKADDR_SLOT;
      int family = Short.toUnsignedInt(names.get(JAVA_SHORT, at));
      if (family == AF_INET) {
        return ip.length == 4 && same(at + 4, ip, 0, 4);
      }
      if (family != AF_INET6) {
        return false;
      }
      if (ip.length == 16) {
        return same(at + 8, ip, 0, 16);
      }
      // ::ffff:a.b.c.d, an IPv4 peer of a dual-stack socket.
      return ip.length == 4
          && names.get(JAVA_LONG, at + 8) == 0
          && names.get(JAVA_SHORT, at + 16) == 0
          && names.get(JAVA_SHORT, at + 18) == (short) 0xffff
          && same(at + 20, ip, 0, 4);
    }

    private boolean same(long at, byte[] bytes, int from, int count) {
      for (int k = 0; k < count; k++) {
        if (names.get(JAVA_BYTE, at + k) != bytes[from + k]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public SockAddr source(int i) {
      int length = headers.get(JAVA_INT, (long) i * MMSGHDR_BYTES + MSG_NAMELEN);
      return sockAddr(names, (long) i * SOCKADDR_SLOT, length);
    }
  }

  private final class Sender implements BatchSocket.Sender {
    private final MemorySegment data;
    private final MemorySegment names;
    private final MemorySegment iovecs;
    private final MemorySegment headers;
    private final ByteBuffer buffer;
    private final RelayCounters counters;
    private int queued;

    Sender(int bufferBytes, RelayCounters counters) {
      this.counters = counters;
      Arena arena = Arena.ofAuto();
      this.data = arena.allocate(bufferBytes, 64);
      this.names = arena.allocate((long) SEND_QUEUE * SOCKADDR_SLOT, 8);
      this.iovecs = arena.allocate((long) SEND_QUEUE * IOVEC_BYTES, 8);
      this.headers = arena.allocate((long) SEND_QUEUE * MMSGHDR_BYTES, 8);
      this.buffer = data.asByteBuffer();
      headers.fill((byte) 0);
      for (int k = 0; k < SEND_QUEUE; k++) {
        long h = (long) k * MMSGHDR_BYTES;
        headers.set(JAVA_LONG, h + MSG_NAME, names.address() + (long) k * SOCKADDR_SLOT);
        headers.set(JAVA_LONG, h + MSG_IOV, iovecs.address() + (long) k * IOVEC_BYTES);
        headers.set(JAVA_LONG, h + MSG_IOVLEN, 1);
      }
    }

    @Override
    public ByteBuffer buffer() {
      return buffer;
    }

    @Override
    public void add(int offset, int length, SockAddr to) {
      if (queued == SEND_QUEUE) {
        flush();
      }
      int k = queued++;
      long name = (long) k * SOCKADDR_SLOT;
      names.set(JAVA_LONG, name, to.word0());
      names.set(JAVA_LONG, name + 8, to.word1());
      names.set(JAVA_LONG, name + 16, to.word2());
      names.set(JAVA_LONG, name + 24, to.word3());
      headers.set(JAVA_INT, (long) k * MMSGHDR_BYTES + MSG_NAMELEN, to.length());
      long iov = (long) k * IOVEC_BYTES;
      iovecs.set(JAVA_LONG, iov, data.address() + offset);
      iovecs.set(JAVA_LONG, iov + 8, length);
    }

    @Override
    public void flush() {
      int start = 0;
      int interrupted = 0;
      while (start < queued) {
        int n;
        try {
          n =
              (int)
                  SENDMMSG.invokeExact(
                      fd, headers.address() + (long) start * MMSGHDR_BYTES, queued - start, 0);
        } catch (Throwable e) {
          n = -1;
        }
        if (n > 0) {
          counters.add(RelayCounters.SENT, n);
          start += n;
        } else if (n < 0 && MmsgSockets.lastErrno() == EINTR && interrupted++ < EINTR_RETRIES) {
          continue;
        } else {
          // The datagram at start could not be sent (sendmmsg reports only the first error):
          // count it and go on with the rest.
          counters.increment(RelayCounters.SEND_FAILURES);
          start++;
        }
      }
      // The headers, names and buffers were passed as plain addresses: keep them alive until here.
      Reference.reachabilityFence(headers);
      Reference.reachabilityFence(names);
      Reference.reachabilityFence(iovecs);
      Reference.reachabilityFence(data);
      queued = 0;
    }
  }
}
