package io.chatwire.wire.processor.layout;

import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Computes offsets and lengths from a validated descriptor. Pure: no javac types needed. */
public final class LayoutPlanner {
  private LayoutPlanner() {}

  /** Plans {@code message}, whose declaration has passed validation. */
  public static MessageLayout plan(MessageDescriptor message) {
    List<Draft> drafts = new ArrayList<>();
    flatten(message, "", "", List.of(), null, drafts);
    Map<String, Integer> byPath = new HashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      byPath.put(drafts.get(i).path, i);
    }
    int[] sizeSource = new int[drafts.size()];
    int[] sizeUser = new int[drafts.size()];
    java.util.Arrays.fill(sizeSource, -1);
    java.util.Arrays.fill(sizeUser, -1);
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      LengthMode mode = d.field.lengthMode();
      if (mode == LengthMode.SIZE_FROM || mode == LengthMode.COUNT_FROM) {
        int source = byPath.get(d.scope + d.field.sizeFrom());
        sizeSource[i] = source;
        sizeUser[source] = i;
      }
    }
    int[][] bits = bitPositions(drafts, message.bigEndian());
    List<Leaf> leaves = new ArrayList<>();
    int offset = 0;
    int minLength = 0;
    int firstDynamic = drafts.size();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      LengthMode mode = d.field.lengthMode();
      int staticOffset = i < firstDynamic ? offset : -1;
      Leaf leaf =
          new Leaf(
              i,
              d.path,
              d.accessor,
              constantName(d.accessor),
              d.field,
              d.valuePath,
              d.top,
              staticOffset,
              sizeSource[i],
              sizeUser[i],
              bits[i][0],
              bits[i][1],
              bits[i][2] != 0,
              bits[i][3] != 0);
      leaves.add(leaf);
      if (mode.isFixed()) {
        minLength += leaf.advance();
        if (i < firstDynamic) {
          offset += leaf.advance();
        }
      } else {
        // A varint and a NUL-terminated field take at least one byte; the rest may be empty.
        minLength += mode == LengthMode.VARINT || mode == LengthMode.NUL_TERMINATED ? 1 : 0;
        if (firstDynamic == drafts.size()) {
          firstDynamic = i + 1;
        }
      }
    }
    int fixedLength = offset;
    int max = message.maxLength() > 0 ? message.maxLength() : Integer.MAX_VALUE;
    return new MessageLayout(
        message, List.copyOf(leaves), fixedLength, minLength, firstDynamic, max);
  }

  /**
   * For each draft: {group bytes, shift, group start (0/1), group end (0/1)}; zeros for fields that
   * are not bit fields. A group is a run of bit fields of one record (the validator has checked
   * that each adds up to whole bytes).
   */
  private static int[][] bitPositions(List<Draft> drafts, boolean big) {
    int[][] out = new int[drafts.size()][4];
    int i = 0;
    while (i < drafts.size()) {
      if (!drafts.get(i).field.isBits()) {
        i++;
        continue;
      }
      int end = i;
      int total = 0;
      while (end < drafts.size()
          && drafts.get(end).field.isBits()
          && drafts.get(end).scope.equals(drafts.get(i).scope)) {
        total += drafts.get(end).field.bits();
        end++;
      }
      int used = 0;
      for (int j = i; j < end; j++) {
        int width = drafts.get(j).field.bits();
        int shift = big ? total - used - width : used;
        used += width;
        out[j] = new int[] {total / 8, shift, j == i ? 1 : 0, j == end - 1 ? 1 : 0};
      }
      i = end;
    }
    return out;
  }

  private static final class Draft {
    final String path;
    final String scope;
    final String accessor;
    final FieldDescriptor field;
    final List<String> valuePath;
    final FieldDescriptor top;

    Draft(
        String path,
        String scope,
        String accessor,
        FieldDescriptor field,
        List<String> valuePath,
        FieldDescriptor top) {
      this.path = path;
      this.scope = scope;
      this.accessor = accessor;
      this.field = field;
      this.valuePath = valuePath;
      this.top = top;
    }
  }

  private static void flatten(
      MessageDescriptor message,
      String scope,
      String accessorPrefix,
      List<String> valuePrefix,
      FieldDescriptor top,
      List<Draft> out) {
    for (FieldDescriptor f : message.fields()) {
      String path = scope + f.name();
      String accessor = accessorPrefix.isEmpty() ? f.name() : accessorPrefix + capitalize(f.name());
      List<String> valuePath = new ArrayList<>(valuePrefix);
      valuePath.add(f.name());
      FieldDescriptor owner = top == null ? f : top;
      if (f.kind() == WireKind.MESSAGE) {
        flatten(f.nested(), path + ".", accessor, valuePath, owner, out);
      } else {
        out.add(new Draft(path, scope, accessor, f, List.copyOf(valuePath), owner));
      }
    }
  }

  /** {@code roomNameSize} to {@code ROOM_NAME_SIZE}. */
  public static String constantName(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        sb.append('_');
      }
      sb.append(Character.toUpperCase(c));
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  /** {@code state} to {@code State}. */
  public static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
