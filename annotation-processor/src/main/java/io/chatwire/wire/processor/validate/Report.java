package io.chatwire.wire.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/** The problems found in one round, collected first and printed once. */
public final class Report {
  /** One problem, on the most precise element known. */
  public record Entry(Problem problem, Element element, AnnotationMirror mirror, String message) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Records a problem on {@code element} (and its annotation, where known). */
  public void error(
      Problem problem, Element element, AnnotationMirror mirror, String where, Object... args) {
    Entry entry = new Entry(problem, element, mirror, problem.format(where, args));
    // An enum or nested record used by several components is read once per use; say it once.
    for (Entry e : entries) {
      if (e.element().equals(element) && e.message().equals(entry.message())) {
        return;
      }
    }
    entries.add(entry);
  }

  /** The number of problems recorded so far. */
  public int size() {
    return entries.size();
  }

  /** The problems recorded so far, in order. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Prints every problem as a compile error. */
  public void printTo(Messager messager) {
    for (Entry e : entries) {
      Element target = positioned(e.element());
      if (e.mirror() != null && target == e.element()) {
        messager.printMessage(Diagnostic.Kind.ERROR, e.message(), target, e.mirror());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, e.message(), target);
      }
    }
  }

  /**
   * javac 17 has no source position for a record component, but it has one for the private field
   * that backs it, on the same line; report there so the error shows file and line.
   */
  private static Element positioned(Element element) {
    if (element.getKind() != ElementKind.RECORD_COMPONENT) {
      return element;
    }
    for (VariableElement field :
        ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(element.getSimpleName())) {
        return field;
      }
    }
    return element;
  }
}
