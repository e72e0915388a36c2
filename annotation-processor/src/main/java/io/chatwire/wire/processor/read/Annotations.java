package io.chatwire.wire.processor.read;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads chatwire annotations through mirrors, so the processor needs no runtime classes. */
final class Annotations {
  static final String MESSAGE = "io.chatwire.wire.Message";
  static final String FIELD = "io.chatwire.wire.Field";
  static final String WIRE_CODE = "io.chatwire.wire.WireCode";

  private Annotations() {}

  static AnnotationMirror find(Element element, String annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation)) {
        return m;
      }
    }
    return null;
  }

  /** The value of {@code name} in {@code mirror}, falling back to the declared default. */
  static Object value(Elements elements, AnnotationMirror mirror, String name) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    throw new IllegalStateException("annotation " + mirror + " has no attribute " + name);
  }

  /** Whether the user wrote {@code name} explicitly (not just left the default). */
  static boolean isExplicit(AnnotationMirror mirror, String name) {
    for (ExecutableElement key : mirror.getElementValues().keySet()) {
      if (key.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }
}
