package io.chatwire.wire.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.JavaFile;
import io.chatwire.wire.processor.codegen.DecoderGenerator;
import io.chatwire.wire.processor.codegen.EncoderGenerator;
import io.chatwire.wire.processor.layout.LayoutPlanner;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.read.DescriptorReader;
import io.chatwire.wire.processor.validate.LayoutValidator;
import io.chatwire.wire.processor.validate.Problem;
import io.chatwire.wire.processor.validate.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Entry point: for every {@code @Message} record, reads the declaration, validates it, plans the
 * layout and writes {@code <Record>Encoder} and {@code <Record>Decoder}.
 *
 * <pre>
 * read (DescriptorReader) --&gt; validate (Report) --&gt; plan (LayoutPlanner) --&gt; generate
 * </pre>
 *
 * Problems are collected in one {@link Report} per round and printed together; a record with errors
 * generates nothing, the others still do. An unexpected failure becomes one error on the record
 * instead of a javac crash.
 */
@AutoService(Processor.class)
public final class ChatwireProcessor extends AbstractProcessor {
  static final String MESSAGE = "io.chatwire.wire.Message";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(MESSAGE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement message = processingEnv.getElementUtils().getTypeElement(MESSAGE);
    if (message == null) {
      return false;
    }
    Report report = new Report();
    DescriptorReader reader =
        new DescriptorReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), report);
    List<Element> elements = new ArrayList<>(round.getElementsAnnotatedWith(message));
    elements.sort(Comparator.comparing(Element::toString));
    for (Element element : elements) {
      if (!(element instanceof TypeElement)) {
        continue;
      }
      TypeElement type = (TypeElement) element;
      try {
        generate(type, reader, report);
      } catch (RuntimeException | IOException e) {
        report.error(Problem.INTERNAL, type, null, type.getSimpleName().toString(), e);
      }
    }
    report.printTo(processingEnv.getMessager());
    return false;
  }

  private void generate(TypeElement type, DescriptorReader reader, Report report)
      throws IOException {
    Optional<MessageDescriptor> descriptor = reader.read(type);
    if (descriptor.isEmpty()) {
      return;
    }
    MessageLayout layout = LayoutPlanner.plan(descriptor.get());
    if (!new LayoutValidator(report).check(layout)) {
      return;
    }
    write(EncoderGenerator.generate(layout), type);
    write(DecoderGenerator.generate(layout), type);
  }

  private void write(JavaFile file, TypeElement origin) throws IOException {
    JavaFile withOrigin = file.toBuilder().build();
    withOrigin.writeTo(processingEnv.getFiler());
  }
}
