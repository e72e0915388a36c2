package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.LengthMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a layout in the style of RFC packet diagrams: 32 bits to a row, the fixed part as a grid of
 * fields, then one row per field whose position depends on the data ({@code ~} for variable
 * length).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     kind      |  senderSize   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                sender (senderSize bytes, UTF-8)               ~
 * </pre>
 */
public final class PacketDiagram {
  private static final int BYTES_PER_ROW = 4;
  private static final int CELL = 16;
  private static final int WIDTH = BYTES_PER_ROW * CELL;

  private PacketDiagram() {}

  /** The diagram for {@code layout}, lines separated by {@code \n}, ending with one. */
  public static String draw(MessageLayout layout) {
    List<Leaf> fixed = new ArrayList<>();
    List<Leaf> dynamic = new ArrayList<>();
    for (Leaf leaf : layout.leaves()) {
      if (leaf.hasStaticOffset() && leaf.isFixed()) {
        fixed.add(leaf);
      } else {
        dynamic.add(leaf);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(" 0                   1                   2                   3\n");
    sb.append(" 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1\n");
    int fixedLength = layout.fixedLength();
    Leaf[] owner = new Leaf[fixedLength];
    for (Leaf leaf : fixed) {
      for (int b = leaf.staticOffset(); b < leaf.staticOffset() + leaf.width(); b++) {
        owner[b] = leaf;
      }
    }
    int rows = (fixedLength + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
    for (int r = 0; r < rows; r++) {
      sb.append(border(owner, r - 1, r)).append('\n');
      sb.append(row(owner, r)).append('\n');
    }
    sb.append(fullBorder()).append('\n');
    for (Leaf leaf : dynamic) {
      char edge = leaf.field().lengthMode() == LengthMode.FIXED ? '|' : '~';
      sb.append(edge).append(center(label(layout, leaf), WIDTH - 1)).append(edge).append('\n');
      sb.append(fullBorder()).append('\n');
    }
    return sb.toString();
  }

  private static String label(MessageLayout layout, Leaf leaf) {
    switch (leaf.field().lengthMode()) {
      case SIZE_FROM:
        return leaf.path() + " (" + layout.leaves().get(leaf.sizeSource()).path() + " bytes)";
      case REMAINDER:
        return leaf.path() + " (rest of frame)";
      default:
        return leaf.path() + " (" + leaf.width() + (leaf.width() == 1 ? " byte)" : " bytes)");
    }
  }

  private static Leaf at(Leaf[] owner, int row, int column) {
    int b = row * BYTES_PER_ROW + column;
    return row < 0 || b >= owner.length ? null : owner[b];
  }

  private static int bytesIn(Leaf[] owner, int row) {
    if (row < 0) {
      return 0;
    }
    return Math.min(BYTES_PER_ROW, owner.length - row * BYTES_PER_ROW);
  }

  private static String border(Leaf[] owner, int above, int below) {
    int columns = Math.max(bytesIn(owner, above), bytesIn(owner, below));
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      Leaf up = at(owner, above, c);
      boolean open = up != null && up == at(owner, below, c);
      boolean openLeft = c > 0 && up != null && up == at(owner, above, c - 1) && open;
      sb.append(openLeft ? ' ' : '+').append(open ? " ".repeat(CELL - 1) : "-+-+-+-+-+-+-+-");
    }
    return sb.append('+').toString();
  }

  private static String fullBorder() {
    return "+-+-+-+-+-+-+-+-".repeat(BYTES_PER_ROW) + "+";
  }

  private static String row(Leaf[] owner, int r) {
    int columns = bytesIn(owner, r);
    StringBuilder sb = new StringBuilder("|");
    int c = 0;
    while (c < columns) {
      Leaf leaf = at(owner, r, c);
      int end = c;
      while (end < columns && at(owner, r, end) == leaf) {
        end++;
      }
      int width = (end - c) * CELL - 1;
      sb.append(center(labelRow(leaf) == r ? leaf.path() : "", width)).append('|');
      c = end;
    }
    return sb.toString();
  }

  /** The row that shows a field's name: its first, unless the name only fits in the next. */
  private static int labelRow(Leaf leaf) {
    int first = leaf.staticOffset() / BYTES_PER_ROW;
    int column = leaf.staticOffset() % BYTES_PER_ROW;
    int end = leaf.staticOffset() + leaf.width();
    int inFirst = Math.min(end, (first + 1) * BYTES_PER_ROW) - leaf.staticOffset();
    boolean fits = leaf.path().length() <= inFirst * CELL - 1;
    boolean next = end > (first + 1) * BYTES_PER_ROW;
    return !fits && next && column > 0 ? first + 1 : first;
  }

  private static String center(String text, int width) {
    if (text.length() > width) {
      text = text.substring(0, width);
    }
    int left = (width - text.length()) / 2;
    return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
  }
}
