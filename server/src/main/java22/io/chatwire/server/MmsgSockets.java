package io.chatwire.server;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetSocketAddress;

/**
 * The Linux system calls behind {@link MmsgSocket}, bound once through the Foreign Function &amp;
 * Memory API, and the factory {@link BatchSockets} loads. Compiled for Java 22 into {@code
 * META-INF/versions/22}.
 *
 * <p>The constants and struct offsets are those of {@code <sys/socket.h>} and {@code
 * <netinet/in.h>} on 64-bit Linux, the same on x86-64 and AArch64 (which {@link BatchSockets}
 * checks for).
 */
final class MmsgSockets implements BatchSockets.Factory {
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int SOL_SOCKET = 1;
  static final int SO_SNDBUF = 7;
  static final int SO_RCVBUF = 8;
  static final int SO_REUSEPORT = 15;
  static final int SO_RCVTIMEO = 20;
  static final int IPPROTO_IPV6 = 41;
  static final int IPV6_V6ONLY = 26;
  static final int MSG_WAITFORONE = 0x10000;
  static final int SHUT_RD = 0;
  static final int EINTR = 4;
  static final int EAGAIN = 11;

  /** {@code sizeof(struct sockaddr_in)} and {@code sizeof(struct sockaddr_in6)}. */
  static final int SOCKADDR_IN_BYTES = 16;

  static final int SOCKADDR_IN6_BYTES = 28;

  /** One address slot: room for either, as four words. */
  static final int SOCKADDR_SLOT = 32;

  /** {@code struct iovec}: base, length. */
  static final int IOVEC_BYTES = 16;

  /** {@code struct mmsghdr}: a 56-byte {@code struct msghdr}, then {@code msg_len}, padded. */
  static final int MMSGHDR_BYTES = 64;

  static final int MSG_NAME = 0;
  static final int MSG_NAMELEN = 8;
  static final int MSG_IOV = 16;
  static final int MSG_IOVLEN = 24;
  static final int MSG_LEN = 56;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final long ERRNO =
      CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));

  static final MethodHandle SOCKET = call("socket", JAVA_INT, JAVA_INT, JAVA_INT);
  static final MethodHandle SETSOCKOPT =
      call("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
  static final MethodHandle BIND = call("bind", JAVA_INT, ADDRESS, JAVA_INT);
  static final MethodHandle GETSOCKNAME = call("getsockname", JAVA_INT, ADDRESS, ADDRESS);
  // The two calls of the hot path capture no errno: the JDK makes a segment object per call for
  // the capture (seen in JDK 25), and they need errno only after a failure (see lastErrno).
  static final MethodHandle RECVMMSG =
      plain("recvmmsg", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
  // The message vector as a plain address, so that sending from entry k needs no slice object.
  static final MethodHandle SENDMMSG = plain("sendmmsg", JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT);
  private static final MethodHandle ERRNO_LOCATION =
      LINKER.downcallHandle(symbol("__errno_location"), FunctionDescriptor.of(ADDRESS));
  static final MethodHandle SHUTDOWN = call("shutdown", JAVA_INT, JAVA_INT);
  static final MethodHandle CLOSE = call("close", JAVA_INT);
  private static final MethodHandle STRERROR =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("strerror").orElseThrow(),
          FunctionDescriptor.of(ADDRESS, JAVA_INT));

  /** Public no-argument constructor for {@link BatchSockets}; the handles are bound by now. */
  public MmsgSockets() {
    if (ADDRESS.byteSize() != 8) {
      throw new UnsupportedOperationException("batched I/O needs a 64-bit JVM");
    }
  }

  @Override
  public BatchSocket open(InetSocketAddress address, boolean shared, int bufferBytes)
      throws IOException {
    return MmsgSocket.open(address, shared, bufferBytes);
  }

  /** A downcall returning {@code int} that also captures {@code errno}. */
  private static MethodHandle call(String name, MemoryLayout... arguments) {
    return LINKER.downcallHandle(
        symbol(name),
        FunctionDescriptor.of(JAVA_INT, arguments),
        Linker.Option.captureCallState("errno"));
  }

  /** A downcall returning {@code int}, without {@code errno}. */
  private static MethodHandle plain(String name, MemoryLayout... arguments) {
    return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(JAVA_INT, arguments));
  }

  private static MemorySegment symbol(String name) {
    return LINKER
        .defaultLookup()
        .find(name)
        .orElseThrow(() -> new UnsupportedOperationException("no " + name + " in libc"));
  }

  /**
   * This thread's {@code errno}, read right after a {@link #plain} call failed. The JVM may in
   * principle have changed it in between, so it only decides how a failure is counted and described
   * (a retry or an error), never what is sent.
   */
  static int lastErrno() {
    try {
      MemorySegment errno = (MemorySegment) ERRNO_LOCATION.invokeExact();
      return errno.reinterpret(JAVA_INT.byteSize()).get(JAVA_INT, 0);
    } catch (Throwable e) {
      return -1;
    }
  }

  /** A segment to capture {@code errno} into, one per calling thread. */
  static MemorySegment callState(Arena arena) {
    return arena.allocate(CALL_STATE);
  }

  static int errno(MemorySegment callState) {
    return callState.get(JAVA_INT, ERRNO);
  }

  /** The C library's message for {@code errno}, e.g. "Address already in use". */
  static String describe(int errno) {
    try {
      MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
      return text.reinterpret(1024).getString(0);
    } catch (Throwable e) {
      return "errno " + errno;
    }
  }
}
