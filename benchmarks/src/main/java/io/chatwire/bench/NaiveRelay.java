package io.chatwire.bench;

import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.RelayDatagramEncoder;
import io.chatwire.wire.MalformedFrameException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: a deliberately naive relay speaking chatwire's UDP format, written the obvious way.
 * One thread, a blocking {@link DatagramChannel}, {@code HashMap<String, ...>} keyed by room name
 * and token strings, a fresh {@code byte[]}, {@code String}s and output buffer per packet, and one
 * {@code send} per member. Membership comes from a {@link MembershipFile} (it has no TCRP);
 * addresses are learned from heartbeats. Same accept rules as the server: known room, token of that
 * room, the member's IP (127.0.0.1 here).
 *
 * <pre>
 * receive ─▶ copy to byte[] ─▶ decode ─▶ rooms.get(name).get(token) ─▶ learn address
 *         ─▶ (message) encode RelayDatagram into a new buffer ─▶ send to each other member
 * </pre>
 */
public final class NaiveRelay implements AutoCloseable {
  private static final int SOCKET_BUFFER_BYTES = 1 << 20;

  private static final class Member {
    final String username;
    SocketAddress address;

    Member(String username) {
      this.username = username;
    }
  }

  private final DatagramChannel channel;
  private final Map<String, Map<String, Member>> rooms = new HashMap<>();
  private final Thread thread;
  private volatile long received;
  private volatile long sent;
  private volatile long dropped;

  private NaiveRelay(DatagramChannel channel, List<MembershipFile.Entry> members) {
    this.channel = channel;
    for (MembershipFile.Entry e : members) {
      rooms
          .computeIfAbsent(e.room(), k -> new HashMap<>())
          .put(e.token(), new Member(e.username()));
    }
    this.thread = new Thread(this::serve, "naive-relay");
  }

  /**
   * Binds {@code host:port} and starts relaying on its own thread.
   *
   * @param host the address to bind
   * @param port the UDP port, 0 for any
   * @param membershipFile one {@code room token username} line per member
   * @return the running relay
   * @throws IOException if the file cannot be read or the socket bound
   */
  public static NaiveRelay start(String host, int port, Path membershipFile) throws IOException {
    List<MembershipFile.Entry> members = MembershipFile.read(membershipFile);
    DatagramChannel channel = DatagramChannel.open();
    // The same socket buffers as the chatwire server and crelay: the comparison is about the
    // code, not about how long a burst the kernel can absorb.
    channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
    channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
    channel.bind(new InetSocketAddress(host, port));
    NaiveRelay relay = new NaiveRelay(channel, members);
    relay.thread.start();
    return relay;
  }

  /**
   * The bound UDP port.
   *
   * @return the port
   */
  public int port() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      return -1;
    }
  }

  private void serve() {
    ByteBuffer in = ByteBuffer.allocate(ChatDatagramDecoder.MAX_LENGTH + 1);
    while (true) {
      SocketAddress from;
      try {
        in.clear();
        from = channel.receive(in);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        continue;
      }
      received++;
      byte[] packet = new byte[in.position()];
      in.flip();
      in.get(packet);
      handle(packet, (InetSocketAddress) from);
    }
  }

  private void handle(byte[] packet, InetSocketAddress from) {
    ChatDatagramDecoder d = new ChatDatagramDecoder();
    try {
      d.wrap(ByteBuffer.wrap(packet), 0, packet.length);
    } catch (MalformedFrameException e) {
      dropped++;
      return;
    }
    Map<String, Member> room = rooms.get(d.roomName());
    Member sender = room == null ? null : room.get(d.token());
    if (sender == null || !from.getAddress().isLoopbackAddress()) {
      dropped++;
      return;
    }
    sender.address = from;
    if (d.messageLength() == 0) {
      return;
    }
    byte[] text = new byte[d.messageLength()];
    d.wrappedBuffer().get(d.messageOffset(), text);
    ByteBuffer out = ByteBuffer.allocate(RelayDatagramEncoder.MAX_LENGTH);
    int length;
    try {
      length =
          new RelayDatagramEncoder()
              .wrap(out, 0)
              .kind(Kind.MESSAGE)
              .sender(sender.username)
              .text(text)
              .length();
    } catch (IllegalArgumentException e) {
      dropped++;
      return;
    }
    for (Member m : room.values()) {
      if (m != sender && m.address != null) {
        try {
          channel.send(ByteBuffer.wrap(out.array(), 0, length), m.address);
          sent++;
        } catch (IOException e) {
          dropped++;
        }
      }
    }
  }

  /** Stops relaying and closes the socket; waits a few seconds at most. */
  @Override
  public void close() {
    try {
      channel.close();
      thread.join(5_000);
    } catch (IOException e) {
      // nothing left to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs as a process: {@code NaiveRelay [--host 127.0.0.1] --port PORT --members FILE}; prints
   * {@code listening udp=<port>} when bound, counters on exit.
   *
   * @param args the arguments
   * @throws Exception when the relay cannot start
   */
  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 0;
    Path file = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--members" -> file = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (file == null || args.length % 2 != 0) {
      System.err.println("usage: NaiveRelay [--host 127.0.0.1] --port PORT --members FILE");
      System.exit(2);
    }
    NaiveRelay relay = start(host, port, file);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  relay.close();
                  System.err.printf(
                      "naive relay: received %d sent %d dropped %d%n",
                      relay.received, relay.sent, relay.dropped);
                }));
    System.out.println("listening udp=" + relay.port());
    System.out.flush();
    relay.thread.join();
  }
}
