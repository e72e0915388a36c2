package io.chatwire.wire.processor.validate;

import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks what involves more than one component: size and count references, the remainder's place
 * and bit groups.
 */
public final class MessageValidator {
  /** The problems of one reference attribute ({@code sizeFrom} or {@code countFrom}). */
  private record Reference(
      String attribute, Problem unknown, Problem forward, Problem notInteger, Problem signed) {}

  private static final Reference SIZE_FROM =
      new Reference(
          "sizeFrom",
          Problem.SIZE_FROM_UNKNOWN,
          Problem.SIZE_FROM_FORWARD,
          Problem.SIZE_FROM_NOT_INTEGER,
          Problem.SIZE_FROM_SIGNED);
  private static final Reference COUNT_FROM =
      new Reference(
          "countFrom",
          Problem.COUNT_FROM_UNKNOWN,
          Problem.COUNT_FROM_FORWARD,
          Problem.COUNT_FROM_NOT_INTEGER,
          Problem.COUNT_FROM_SIGNED);

  private final Report report;

  /** Creates a validator that records problems in {@code report}. */
  public MessageValidator(Report report) {
    this.report = report;
  }

  /**
   * Checks the components of {@code record} (already read one by one).
   *
   * @return whether they passed
   */
  public boolean check(String record, List<FieldDescriptor> fields) {
    int before = report.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      index.put(fields.get(i).name(), i);
    }
    Map<String, String> users = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldDescriptor f = fields.get(i);
      String where = record + "." + f.name();
      switch (f.lengthMode()) {
        case SIZE_FROM -> checkReference(SIZE_FROM, record, where, fields, index, users, i);
        case COUNT_FROM -> checkReference(COUNT_FROM, record, where, fields, index, users, i);
        case FIXED, BITS, VARINT, NUL_TERMINATED, REMAINDER, NESTED -> {}
      }
      boolean last = i == fields.size() - 1;
      boolean remainder =
          f.lengthMode() == LengthMode.REMAINDER
              || (f.kind() == WireKind.MESSAGE && f.nested().endsWithRemainder());
      if (!last && remainder) {
        report.error(Problem.REMAINDER_NOT_LAST, f.element(), null, where, f.name());
      }
    }
    checkBitGroups(record, fields);
    return report.size() == before;
  }

  /**
   * Consecutive bit fields form a group of whole bytes, at most 8; the error goes on the component
   * where the group goes wrong.
   */
  private void checkBitGroups(String record, List<FieldDescriptor> fields) {
    int groupBits = 0;
    for (int i = 0; i < fields.size(); i++) {
      FieldDescriptor f = fields.get(i);
      if (!f.isBits()) {
        continue;
      }
      groupBits += f.bits();
      String where = record + "." + f.name();
      if (groupBits > 64) {
        report.error(Problem.BITS_GROUP_TOO_WIDE, f.element(), null, where, groupBits);
        return;
      }
      boolean groupEnds = i == fields.size() - 1 || !fields.get(i + 1).isBits();
      if (groupEnds && groupBits % 8 != 0) {
        report.error(
            Problem.BITS_NOT_ALIGNED,
            f.element(),
            null,
            where,
            groupBits,
            8 - groupBits % 8,
            groupBits + 8 - groupBits % 8);
      }
      if (groupEnds) {
        groupBits = 0;
      }
    }
  }

  private void checkReference(
      Reference kind,
      String record,
      String where,
      List<FieldDescriptor> fields,
      Map<String, Integer> index,
      Map<String, String> users,
      int i) {
    FieldDescriptor f = fields.get(i);
    String ref = f.sizeFrom();
    Integer at = index.get(ref);
    if (at == null) {
      String known = fields.stream().map(FieldDescriptor::name).collect(Collectors.joining(", "));
      report.error(kind.unknown(), f.element(), null, where, ref, record, known);
      return;
    }
    if (at >= i) {
      report.error(kind.forward(), f.element(), null, where, ref, ref, f.name());
      return;
    }
    FieldDescriptor size = fields.get(at);
    if (!size.kind().isInteger()) {
      String what = size.javaType() + (size.isBits() ? " bit field" : "");
      report.error(kind.notInteger(), f.element(), null, where, ref, what);
      return;
    }
    if (size.signed()) {
      report.error(kind.signed(), f.element(), null, where, ref);
      return;
    }
    String previous = users.putIfAbsent(ref, f.name());
    if (previous != null) {
      report.error(Problem.SIZE_FROM_SHARED, f.element(), null, where, ref, previous);
    }
  }
}
