package io.chatwire.wire.processor.validate;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.LengthMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks what only shows once nested records are flattened: names, lengths, limits. */
public final class LayoutValidator {
  /** No-argument methods every decoder has, which an accessor must not repeat. */
  private static final List<String> RESERVED =
      List.of(
          "wrappedBuffer",
          "wrappedOffset",
          "wrappedLength",
          "toRecord",
          "failure",
          "toString",
          "hashCode",
          "getClass",
          "clone",
          "finalize",
          "notify",
          "notifyAll",
          "wait");

  private final Report report;

  /** Creates a validator that records problems in {@code report}. */
  public LayoutValidator(Report report) {
    this.report = report;
  }

  /** Checks {@code layout}; returns whether it can be generated. */
  public boolean check(MessageLayout layout) {
    int before = report.size();
    String record = layout.message().simpleName();
    Map<String, String> names = new HashMap<>();
    for (String reserved : RESERVED) {
      names.put(reserved, "every decoder");
    }
    for (Leaf leaf : layout.leaves()) {
      String where = record + "." + leaf.top().name();
      for (String name : layout.accessorNames(leaf)) {
        String owner = names.putIfAbsent(name, leaf.path());
        if (owner != null) {
          report.error(
              Problem.NAME_COLLISION, leaf.top().element(), null, where, name, owner, leaf.path());
        }
      }
      if (leaf.field().lengthMode() == LengthMode.REMAINDER
          && leaf.index() != layout.leaves().size() - 1) {
        report.error(
            Problem.REMAINDER_NOT_LAST, leaf.top().element(), null, where, leaf.top().name());
      }
    }
    int max = layout.message().maxLength();
    if (max > 0 && max < layout.minLength()) {
      report.error(
          Problem.MAX_LENGTH_TOO_SMALL,
          layout.message().element(),
          null,
          record,
          max,
          layout.minLength());
    }
    return report.size() == before;
  }
}
