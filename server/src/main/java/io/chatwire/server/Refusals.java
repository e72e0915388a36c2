package io.chatwire.server;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrame;
import io.chatwire.protocol.TcrpFrameEncoder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * Connections a limit refused, answered 429 without a read. A refusal is answered before anything
 * is read, so it cannot echo the request: it is one {@code LIST}/{@code RESPONSE} frame with an
 * empty room name and {@code {"status": 429, "message": ...}}, the same frame a LIST would get. Its
 * output is then shut and the socket closed a sweep later, after its input is read, so that the
 * client's request arriving late does not turn the close into a reset that could destroy the
 * answer. Event loop only.
 *
 * <pre>
 *   refuse(): 429 frame written, output shut --&gt; lingering (at most 256, 200 ms)
 *   sweep():  lingering long enough --&gt; input read and discarded, closed
 * </pre>
 */
final class Refusals {
  private static final int MAX_LINGERING = 256;
  private static final long LINGER_NANOS = 200_000_000L;

  /** A refused connection whose answer is out, closed once its request had time to arrive. */
  private record Refused(SocketChannel channel, long sinceNanos) {}

  private final ServerOptions options;
  private final SourceLimits limits;
  private final TcrpCounters answered;
  private final ArrayDeque<Refused> lingering = new ArrayDeque<>();
  private final ByteBuffer discard = ByteBuffer.allocateDirect(4096);

  Refusals(ServerOptions options, SourceLimits limits, TcrpCounters answered) {
    this.options = options;
    this.limits = limits;
    this.answered = answered;
  }

  /** Answers 429 to a connection nothing was read from and shuts its output. */
  void refuse(SocketChannel channel, InetAddress ip, Limit limit) {
    String message = message(limit, ip);
    limits.bit(limit, ip, message);
    answered.answered(null, Reply.TOO_MANY);
    byte[] payload = Reply.status(Reply.TOO_MANY, message).response();
    TcrpFrame frame =
        new TcrpFrame(
            0, Operation.LIST, State.RESPONSE, payload.length, "", ByteBuffer.wrap(payload));
    ByteBuffer out = ByteBuffer.allocate(TcrpFrameEncoder.encodedLength(frame));
    TcrpFrameEncoder.encode(frame, out, 0);
    try {
      // A fresh socket's send buffer takes these few bytes at once; if not, the client loses them.
      channel.write(out);
      channel.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(channel);
      return;
    }
    if (lingering.size() >= MAX_LINGERING) {
      close(lingering.poll().channel());
    }
    lingering.add(new Refused(channel, System.nanoTime()));
  }

  /** Closes the refused connections that have lingered long enough. */
  void sweep() {
    long nanos = System.nanoTime();
    while (!lingering.isEmpty() && nanos - lingering.peek().sinceNanos() > LINGER_NANOS) {
      close(lingering.poll().channel());
    }
  }

  void closeAll() {
    Refused r;
    while ((r = lingering.poll()) != null) {
      closeQuietly(r.channel());
    }
  }

  private String message(Limit limit, InetAddress ip) {
    String from = ip.getHostAddress();
    return switch (limit) {
      case CONNECTIONS -> "server full: " + options.maxConnections() + " connections open";
      case CONNECTIONS_PER_IP ->
          "too many connections from " + from + " (" + options.maxConnectionsPerIp() + " at once)";
      case CONNECT_RATE ->
          "connecting too fast from "
              + from
              + " ("
              + options.connectRate()
              + " per second at most)";
      case SILENT_RECLAIMED -> "server full: connections without a request are closed first";
      default -> "limit " + limit.label() + " reached";
    };
  }

  private void close(SocketChannel channel) {
    try {
      for (int i = 0; i < 4; i++) {
        discard.clear();
        if (channel.read(discard) <= 0) {
          break;
        }
      }
    } catch (IOException e) {
      // Closed anyway below.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more to do for a connection that is gone.
    }
  }
}
