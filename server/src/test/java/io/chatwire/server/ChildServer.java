package io.chatwire.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code main} in a child JVM on loopback, free ports, for command-line tests. */
final class ChildServer {
  private ChildServer() {}

  /**
   * Starts {@code ChatServer} with {@code --host 127.0.0.1 --tcp-port 0 --udp-port 0} and {@code
   * extra}; standard error is discarded, standard output is the process's input stream.
   */
  static Process start(String... extra) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ChatServer.class.getName(),
            "--host",
            "127.0.0.1",
            "--tcp-port",
            "0",
            "--udp-port",
            "0"));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }
}
