package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a layout in the style of RFC packet diagrams: 32 bits to a row, two characters to a bit,
 * the fixed part as a grid of fields (a bit field takes its own bit columns), then one row per
 * field whose position depends on the data ({@code ~} for variable length; a bit group there gets a
 * grid of its own). A name too long for its columns is replaced by a key listed below.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |ver|1|2|  cc   |3|     type    |  senderSize   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                sender (senderSize bytes, UTF-8)               ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * 1 = padding, 2 = extension, 3 = marker
 * </pre>
 */
public final class PacketDiagram {
  private static final int BITS_PER_ROW = 32;
  private static final int WIDTH = BITS_PER_ROW * 2;
  // Columns this narrow (4 bits or fewer) show a key rather than a cut name.
  private static final int KEYED_WIDTH = 8;
  private static final String KEYS = "123456789abcdefghijklmnopqrstuvwxyz";

  private final MessageLayout layout;
  // Names that did not fit their columns, by the key drawn instead.
  private final Map<Leaf, String> keys = new LinkedHashMap<>();
  private final StringBuilder sb = new StringBuilder();

  private PacketDiagram(MessageLayout layout) {
    this.layout = layout;
  }

  /** The diagram for {@code layout}, lines separated by {@code \n}, ending with one. */
  public static String draw(MessageLayout layout) {
    return new PacketDiagram(layout).render();
  }

  private String render() {
    List<Leaf> fixed = new ArrayList<>();
    List<Leaf> dynamic = new ArrayList<>();
    for (Leaf leaf : layout.leaves()) {
      if (leaf.hasStaticOffset() && leaf.isFixed()) {
        fixed.add(leaf);
      } else {
        dynamic.add(leaf);
      }
    }
    sb.append(" 0                   1                   2                   3\n");
    sb.append(" 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1\n");
    grid(fixed, 0, layout.fixedLength());
    sb.append(fullBorder()).append('\n');
    for (int i = 0; i < dynamic.size(); i++) {
      Leaf leaf = dynamic.get(i);
      if (leaf.isBits()) {
        // The whole group, drawn from the start of a row.
        int end = i;
        while (!dynamic.get(end).groupEnd()) {
          end++;
        }
        grid(dynamic.subList(i, end + 1), -1, leaf.groupBytes());
        sb.append(fullBorder()).append('\n');
        i = end;
        continue;
      }
      char edge = leaf.isFixed() ? '|' : '~';
      String label = leaf.path() + " (" + DocWords.extent(layout, leaf) + ")";
      sb.append(edge).append(center(label, WIDTH - 1)).append(edge).append('\n');
      sb.append(fullBorder()).append('\n');
    }
    if (!keys.isEmpty()) {
      List<String> legend = new ArrayList<>();
      keys.forEach((leaf, key) -> legend.add(key + " = " + leaf.path()));
      sb.append(String.join(", ", legend)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Draws {@code leaves} as rows of bit columns: {@code length} bytes from byte {@code start} of
   * the frame, or (start -1) one bit group drawn from column 0.
   */
  private void grid(List<Leaf> leaves, int start, int length) {
    Leaf[] owner = new Leaf[length * 8];
    int base = start < 0 ? leaves.get(0).staticOffset() : start;
    for (Leaf leaf : leaves) {
      int from = start < 0 ? 0 : leaf.staticOffset() - base;
      for (int b = 0; b < leaf.width(); b++) {
        for (int c = 0; c < 8; c++) {
          if (owns(leaf, b, c)) {
            owner[(from + b) * 8 + c] = leaf;
          }
        }
      }
    }
    int rows = (owner.length + BITS_PER_ROW - 1) / BITS_PER_ROW;
    for (int r = 0; r < rows; r++) {
      if (r > 0 || start >= 0) {
        // A group after a dynamic field sits under that field's closing border.
        sb.append(border(owner, r - 1, r)).append('\n');
      }
      sb.append(row(owner, r)).append('\n');
    }
  }

  /**
   * Whether {@code leaf} owns column {@code c} (0 = most significant bit) of its byte {@code b}. A
   * bit field owns the bits of its mask in the group's integer, whose bytes are in the message's
   * byte order.
   */
  private boolean owns(Leaf leaf, int b, int c) {
    if (!leaf.isBits()) {
      return true;
    }
    int bytes = leaf.groupBytes();
    int significance = layout.message().bigEndian() ? bytes - 1 - b : b;
    int bit = significance * 8 + 7 - c;
    return bit >= leaf.bitShift() && bit < leaf.bitShift() + leaf.field().bits();
  }

  private static Leaf at(Leaf[] owner, int row, int column) {
    int b = row * BITS_PER_ROW + column;
    return row < 0 || b >= owner.length ? null : owner[b];
  }

  private static int bitsIn(Leaf[] owner, int row) {
    return row < 0 ? 0 : Math.min(BITS_PER_ROW, owner.length - row * BITS_PER_ROW);
  }

  private static String border(Leaf[] owner, int above, int below) {
    int columns = Math.max(bitsIn(owner, above), bitsIn(owner, below));
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      Leaf up = at(owner, above, c);
      boolean open = up != null && up == at(owner, below, c);
      boolean openLeft =
          c > 0 && open && up == at(owner, above, c - 1) && up == at(owner, below, c - 1);
      line.append(openLeft ? ' ' : '+').append(open ? ' ' : '-');
    }
    return line.append('+').toString();
  }

  private static String fullBorder() {
    return "+-".repeat(BITS_PER_ROW) + "+";
  }

  private String row(Leaf[] owner, int r) {
    int columns = bitsIn(owner, r);
    StringBuilder line = new StringBuilder("|");
    int c = 0;
    while (c < columns) {
      Leaf leaf = at(owner, r, c);
      int end = c;
      while (end < columns && at(owner, r, end) == leaf) {
        end++;
      }
      int width = (end - c) * 2 - 1;
      boolean labelHere = leaf != null && isLabelRun(owner, leaf, r, c, end);
      line.append(center(labelHere ? name(leaf, width) : "", width)).append('|');
      c = end;
    }
    return line.toString();
  }

  /**
   * Whether the run of {@code leaf} from {@code c} to {@code end} in row {@code r} shows its name:
   * its widest run, the first of equals; a name too long for it moves to the next row when the
   * field has a wider run there.
   */
  private static boolean isLabelRun(Leaf[] owner, Leaf leaf, int r, int c, int end) {
    int bestRow = -1;
    int bestStart = -1;
    int bestWidth = 0;
    for (int i = 0; i < owner.length; i++) {
      if (owner[i] != leaf || (i % BITS_PER_ROW > 0 && owner[i - 1] == leaf)) {
        continue;
      }
      int j = i;
      while (j < owner.length && owner[j] == leaf && (j == i || j % BITS_PER_ROW > 0)) {
        j++;
      }
      boolean fitsBest = leaf.path().length() <= bestWidth * 2 - 1;
      if (bestRow < 0 || (!fitsBest && j - i > bestWidth)) {
        bestRow = i / BITS_PER_ROW;
        bestStart = i % BITS_PER_ROW;
        bestWidth = j - i;
      }
    }
    return bestRow == r && bestStart == c;
  }

  /** The field's name, or a one-character key (listed under the diagram) when it does not fit. */
  private String name(Leaf leaf, int width) {
    if (leaf.path().length() <= width || width >= KEYED_WIDTH) {
      return leaf.path();
    }
    return keys.computeIfAbsent(
        leaf, l -> String.valueOf(KEYS.charAt(keys.size() % KEYS.length())));
  }

  private static String center(String text, int width) {
    if (text.length() > width) {
      text = text.substring(0, width);
    }
    int left = (width - text.length()) / 2;
    return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
  }
}
