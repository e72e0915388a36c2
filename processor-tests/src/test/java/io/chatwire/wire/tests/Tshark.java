package io.chatwire.wire.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tshark with a generated Lua dissector over a capture and returns the fields it shows. */
final class Tshark {
  private Tshark() {}

  static boolean available() {
    try {
      Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Copies a classpath resource (a generated dissector) to {@code dir}. */
  static Path resource(String name, Path dir) throws IOException {
    try (InputStream in = Tshark.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IOException("not on the classpath: " + name);
      }
      Path file = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  /** One line per packet, the fields separated by '|', multiple values by ','. */
  static List<String> fields(Path lua, Path capture, String... fields)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "tshark",
            "-n",
            "-r",
            capture.toString(),
            "-X",
            "lua_script:" + lua,
            "-T",
            "fields",
            "-E",
            "separator=|",
            "-E",
            "occurrence=a",
            "-E",
            "aggregator=,"));
    for (String f : fields) {
      command.add("-e");
      command.add(f);
    }
    return run(command);
  }

  /**
   * The packet details of {@code protocol} as tshark prints them ({@code -V -O}): one line per tree
   * item, indented four spaces per level.
   */
  static List<String> tree(Path lua, Path capture, String protocol)
      throws IOException, InterruptedException {
    return run(
        List.of(
            "tshark",
            "-n",
            "-r",
            capture.toString(),
            "-X",
            "lua_script:" + lua,
            "-V",
            "-O",
            protocol));
  }

  private static List<String> run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("tshark did not finish within 60 s");
    }
    String errors =
        err.lines().filter(l -> !l.contains("Running as user")).reduce("", String::concat);
    if (p.exitValue() != 0 || errors.toLowerCase(java.util.Locale.ROOT).contains("lua")) {
      throw new IOException("tshark failed (" + p.exitValue() + "): " + err);
    }
    return new String(out, StandardCharsets.UTF_8).lines().toList();
  }
}
