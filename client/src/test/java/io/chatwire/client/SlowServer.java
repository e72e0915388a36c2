package io.chatwire.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP server on 127.0.0.1 that answers every connection with fixed bytes, one byte per write. */
final class SlowServer implements AutoCloseable {
  private final ServerSocket socket;

  SlowServer(byte[] answer) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                  InputStream in = s.getInputStream();
                  in.readNBytes(32); // the request header is enough to answer
                  s.setTcpNoDelay(true);
                  OutputStream out = s.getOutputStream();
                  for (byte b : answer) {
                    out.write(b);
                    out.flush();
                  }
                  in.readAllBytes(); // until the client closes
                } catch (IOException e) {
                  // next connection
                }
              }
            },
            "slow-server");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
