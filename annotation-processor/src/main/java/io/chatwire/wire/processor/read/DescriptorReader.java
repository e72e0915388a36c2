package io.chatwire.wire.processor.read;

import com.squareup.javapoet.ClassName;
import com.sun.source.util.Trees;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.validate.MessageValidator;
import io.chatwire.wire.processor.validate.Problem;
import io.chatwire.wire.processor.validate.Report;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns {@code @Message} records into {@link MessageDescriptor}s, reporting every declaration
 * mistake on the component it is about. Nested records are read once and shared.
 */
public final class DescriptorReader {
  private final Elements elements;
  private final Report report;
  private final FieldReader fieldReader;
  private final Map<String, Optional<MessageDescriptor>> done = new HashMap<>();
  private final Deque<String> reading = new ArrayDeque<>();

  /**
   * Creates a reader that records problems in {@code report}.
   *
   * @param trees javac's source trees, to read enum codes for docs and dissectors; may be null
   */
  public DescriptorReader(Elements elements, Types types, Trees trees, Report report) {
    this.elements = elements;
    this.report = report;
    this.fieldReader = new FieldReader(elements, types, report, this, new EnumCodes(trees));
  }

  /**
   * Reads one record.
   *
   * @return the descriptor, or empty if the record (or a record it nests) has errors
   */
  public Optional<MessageDescriptor> read(TypeElement type) {
    String key = type.getQualifiedName().toString();
    Optional<MessageDescriptor> known = done.get(key);
    if (known != null) {
      return known;
    }
    reading.push(key);
    Optional<MessageDescriptor> result;
    try {
      result = readUncached(type);
    } finally {
      reading.pop();
    }
    done.put(key, result);
    return result;
  }

  /** Whether {@code type} is being read further up the stack, i.e. nesting it is a cycle. */
  boolean isBeingRead(TypeElement type) {
    return reading.contains(type.getQualifiedName().toString());
  }

  private Optional<MessageDescriptor> readUncached(TypeElement type) {
    int errorsBefore = report.size();
    String name = type.getSimpleName().toString();
    AnnotationMirror message = Annotations.find(type, Annotations.MESSAGE);
    if (type.getKind() != ElementKind.RECORD) {
      report.error(Problem.NOT_RECORD, type, message, name, name);
      return Optional.empty();
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(Problem.PRIVATE, type, message, name, name);
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(Problem.GENERIC, type, message, name, name);
    }
    boolean bigEndian = true;
    int maxLength = 0;
    if (message != null) {
      VariableElement endian = (VariableElement) Annotations.value(elements, message, "endian");
      bigEndian = endian.getSimpleName().contentEquals("BIG");
      maxLength = (Integer) Annotations.value(elements, message, "maxLength");
      if (maxLength < 0) {
        report.error(Problem.MAX_LENGTH, type, message, name, maxLength);
      }
    }
    List<? extends RecordComponentElement> components = type.getRecordComponents();
    if (components.isEmpty()) {
      report.error(Problem.EMPTY, type, message, name, name);
    }
    List<FieldDescriptor> fields = new ArrayList<>();
    for (RecordComponentElement component : components) {
      fieldReader.read(name, component).ifPresent(fields::add);
    }
    // Count fields too: a problem already reported for a shared enum or record is not repeated.
    boolean complete = fields.size() == components.size() && report.size() == errorsBefore;
    if (complete && !new MessageValidator(report).check(name, fields)) {
      complete = false;
    }
    if (!complete || report.size() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new MessageDescriptor(
            type, ClassName.get(type), bigEndian, maxLength, List.copyOf(fields)));
  }
}
