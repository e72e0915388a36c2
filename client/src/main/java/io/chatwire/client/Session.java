package io.chatwire.client;

import io.chatwire.protocol.ChatDatagramEncoder;
import io.chatwire.protocol.RelayDatagramDecoder;
import io.chatwire.protocol.RelayDatagramEncoder;
import io.chatwire.wire.MalformedFrameException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A member's UDP data plane: a channel connected to the server's relay port, a heartbeat at once
 * and then every {@code --heartbeat}, and a receiver thread that decodes {@code RelayDatagram}s for
 * a {@link SessionListener}.
 *
 * <pre>
 * open ─▶ heartbeat ─▶ ┬─ send(message) ... ─┬─▶ close
 *                      ├─ heartbeat / period │
 *                      └─ receive ─▶ listener┘ (CLOSED, EXPIRED, LOST end it)
 * </pre>
 */
final class Session implements AutoCloseable {
  /** Largest datagram this client sends: a whole {@code ChatDatagram}. */
  static final int MAX_DATAGRAM = ChatDatagramEncoder.MAX_LENGTH;

  private static final int HEADER = ChatDatagramEncoder.FIXED_LENGTH;

  private final DatagramChannel channel;
  private final SessionListener listener;
  private final ByteBuffer heartbeat;
  private final ByteBuffer outgoing = ByteBuffer.allocate(MAX_DATAGRAM);
  private final ChatDatagramEncoder encoder = new ChatDatagramEncoder();
  private final String room;
  private final String token;
  private final int maxMessageBytes;
  private final ScheduledExecutorService timer;
  private final Thread receiver;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastSendNanos;

  private Session(
      DatagramChannel channel, String room, String name, String token, SessionListener l) {
    this.channel = channel;
    this.listener = l;
    this.room = room;
    this.token = token;
    this.maxMessageBytes = maxMessageBytes(room, name, token);
    ByteBuffer hb = ByteBuffer.allocate(HEADER + utf8(room) + utf8(token));
    int length =
        new ChatDatagramEncoder()
            .wrap(hb, 0)
            .roomName(room)
            .token(token)
            .message(new byte[0])
            .length();
    this.heartbeat = hb.limit(length);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chatwire-heartbeat"));
    this.receiver = daemon(this::receive, "chatwire-receiver");
  }

  /**
   * Opens the channel from the TCP request's local address to the admission's UDP port, sends the
   * first heartbeat and starts the receiver and the heartbeat timer.
   */
  static Session open(
      String room, String name, Admission admission, Duration every, SessionListener listener)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 18);
      channel.bind(new InetSocketAddress(admission.localAddress(), 0));
      channel.connect(new InetSocketAddress(admission.serverAddress(), admission.udpPort()));
      Session session = new Session(channel, room, name, admission.token(), listener);
      session.sendHeartbeat();
      session.receiver.start();
      long period = every.toMillis();
      session.timer.scheduleAtFixedRate(
          session::heartbeatQuietly, period, period, TimeUnit.MILLISECONDS);
      return session;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Largest message, in UTF-8 bytes, that fits one datagram both ways. */
  int maxMessageBytes() {
    return maxMessageBytes;
  }

  /**
   * The message budget: the text must fit this member's {@code ChatDatagram} to the server (after
   * room name and token) and the {@code RelayDatagram} the server sends on (after the sender's
   * name), which the server drops when it would pass {@code RelayDatagram}'s maximum length.
   */
  static int maxMessageBytes(String room, String name, String token) {
    int up = ChatDatagramEncoder.MAX_LENGTH - HEADER - utf8(room) - utf8(token);
    int down = RelayDatagramEncoder.MAX_LENGTH - RelayDatagramEncoder.FIXED_LENGTH - utf8(name);
    return Math.min(up, down);
  }

  /** Sends one message; the caller has checked it against {@link #maxMessageBytes()}. */
  synchronized void send(byte[] message) throws IOException {
    if (message.length == 0 || message.length > maxMessageBytes) {
      throw new IllegalArgumentException("message of " + message.length + " bytes");
    }
    int length =
        encoder.wrap(outgoing.clear(), 0).roomName(room).token(token).message(message).length();
    channel.write(outgoing.limit(length));
    lastSendNanos = System.nanoTime();
  }

  /** When the last message went out ({@link System#nanoTime()}), or 0 if none did. */
  long lastSendNanos() {
    return lastSendNanos;
  }

  /** The local UDP port, for diagnostics and tests. */
  int localPort() throws IOException {
    return ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      timer.shutdownNow();
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing is best effort; the receiver stops either way
      }
    }
  }

  private synchronized void sendHeartbeat() throws IOException {
    channel.write(heartbeat.duplicate());
  }

  private void heartbeatQuietly() {
    try {
      sendHeartbeat();
    } catch (IOException e) {
      // a lost heartbeat is retried next period; a dead server shows up on the receiver
    }
  }

  private void receive() {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    RelayDatagramDecoder decoder = new RelayDatagramDecoder();
    try {
      while (!closed.get()) {
        int n = channel.read(buffer.clear());
        if (n > 0 && !dispatch(decoder, buffer, n)) {
          return;
        }
      }
    } catch (PortUnreachableException e) {
      end(SessionListener.Ending.LOST, "the server's UDP port is unreachable");
    } catch (ClosedChannelException e) {
      // closed by close(): the conversation is already over
    } catch (IOException e) {
      end(SessionListener.Ending.LOST, "receiving from the server failed: " + e.getMessage());
    }
  }

  /** Hands one datagram to the listener; false once the session is over. */
  private boolean dispatch(RelayDatagramDecoder decoder, ByteBuffer buffer, int length) {
    try {
      decoder.wrap(buffer, 0, length);
    } catch (MalformedFrameException e) {
      return true; // not from a chatwire server, or damaged: nothing to show
    }
    String text = DisplayText.decode(decoder.text());
    switch (decoder.kind()) {
      case MESSAGE -> listener.message(DisplayText.clean(decoder.sender()), text);
      case NOTICE -> listener.notice(text);
      case CLOSED -> {
        end(SessionListener.Ending.CLOSED, text.isEmpty() ? "room closed" : text);
        return false;
      }
      case EXPIRED -> {
        end(SessionListener.Ending.EXPIRED, text.isEmpty() ? "removed for inactivity" : text);
        return false;
      }
    }
    return true;
  }

  private void end(SessionListener.Ending ending, String text) {
    if (!closed.get()) {
      listener.ended(ending, text);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static int utf8(String s) {
    return ClientOptions.utf8Length(s);
  }
}
