package io.chatwire.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The membership file that the relays without a control plane ({@link NaiveRelay}, {@code
 * crelay.c}) read: one {@code room token username} line per member, the room's host first; {@code
 * #} starts a comment. Names and tokens contain no whitespace.
 */
final class MembershipFile {
  /** One member of one room. */
  record Entry(String room, String token, String username) {}

  private MembershipFile() {}

  /** Invents {@code rooms x members} entries with fresh 128-bit tokens. */
  static List<Entry> invent(String prefix, int rooms, int members) {
    SecureRandom random = new SecureRandom();
    HexFormat hex = HexFormat.of();
    List<Entry> entries = new ArrayList<>(rooms * members);
    byte[] token = new byte[16];
    for (int r = 0; r < rooms; r++) {
      for (int m = 0; m < members; m++) {
        random.nextBytes(token);
        entries.add(new Entry(roomName(prefix, r), hex.formatHex(token), "m" + m));
      }
    }
    return entries;
  }

  static String roomName(String prefix, int room) {
    return prefix + "-" + room;
  }

  static void write(Path path, List<Entry> entries) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      out.write("# room token username (chatwire load generator)\n");
      for (Entry e : entries) {
        out.write(e.room() + " " + e.token() + " " + e.username() + "\n");
      }
    }
    // A relay polling for the file never sees half of it.
    Files.move(
        tmp,
        path,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static List<Entry> read(Path path) throws IOException {
    List<Entry> entries = new ArrayList<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+");
      if (parts.length != 3) {
        throw new IOException(path + ":" + lineNumber + ": expected 'room token username'");
      }
      entries.add(new Entry(parts[0], parts[1], parts[2]));
    }
    return entries;
  }
}
