package io.chatwire.wire.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The problems found in one round, collected first and printed once. */
public final class Report {
  /** One problem, on the most precise element known. */
  public record Entry(Problem problem, Element element, AnnotationMirror mirror, String message) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Records a problem on {@code element} (and its annotation, where known). */
  public void error(
      Problem problem, Element element, AnnotationMirror mirror, String where, Object... args) {
    entries.add(new Entry(problem, element, mirror, problem.format(where, args)));
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
      if (e.mirror() != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, e.message(), e.element(), e.mirror());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, e.message(), e.element());
      }
    }
  }
}
