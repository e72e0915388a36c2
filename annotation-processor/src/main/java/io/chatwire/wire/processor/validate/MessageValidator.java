package io.chatwire.wire.processor.validate;

import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks what involves more than one component: size references and the remainder's place. */
public final class MessageValidator {
  private final Report report;

  /** Creates a validator that records problems in {@code report}. */
  public MessageValidator(Report report) {
    this.report = report;
  }

  /** Checks the components of {@code record} (already read one by one). */
  public void check(String record, List<FieldDescriptor> fields) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      index.put(fields.get(i).name(), i);
    }
    Map<String, String> sizeUsers = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldDescriptor f = fields.get(i);
      String where = record + "." + f.name();
      if (f.lengthMode() == LengthMode.SIZE_FROM) {
        checkSizeFrom(record, where, fields, index, sizeUsers, i);
      }
      boolean last = i == fields.size() - 1;
      if (!last && endsWithRemainder(f)) {
        report.error(Problem.REMAINDER_NOT_LAST, f.element(), null, where, f.name());
      }
    }
  }

  private void checkSizeFrom(
      String record,
      String where,
      List<FieldDescriptor> fields,
      Map<String, Integer> index,
      Map<String, String> sizeUsers,
      int i) {
    FieldDescriptor f = fields.get(i);
    String ref = f.sizeFrom();
    Integer at = index.get(ref);
    if (at == null) {
      String known = fields.stream().map(FieldDescriptor::name).collect(Collectors.joining(", "));
      report.error(Problem.SIZE_FROM_UNKNOWN, f.element(), null, where, ref, record, known);
      return;
    }
    if (at >= i) {
      report.error(Problem.SIZE_FROM_FORWARD, f.element(), null, where, ref, ref, f.name());
      return;
    }
    FieldDescriptor size = fields.get(at);
    if (!size.kind().isInteger()) {
      String what = size.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + size.javaType();
      report.error(Problem.SIZE_FROM_NOT_INTEGER, f.element(), null, where, ref, what);
      return;
    }
    if (size.signed()) {
      report.error(Problem.SIZE_FROM_SIGNED, f.element(), null, where, ref);
      return;
    }
    String previous = sizeUsers.putIfAbsent(ref, f.name());
    if (previous != null) {
      report.error(Problem.SIZE_FROM_SHARED, f.element(), null, where, ref, previous);
    }
  }

  private static boolean endsWithRemainder(FieldDescriptor f) {
    if (f.lengthMode() == LengthMode.REMAINDER) {
      return true;
    }
    if (f.kind() == WireKind.MESSAGE) {
      MessageDescriptor nested = f.nested();
      List<FieldDescriptor> inner = nested.fields();
      return !inner.isEmpty() && endsWithRemainder(inner.get(inner.size() - 1));
    }
    return false;
  }
}
