package io.chatwire.wire.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import io.chatwire.wire.processor.codegen.DecoderGenerator;
import io.chatwire.wire.processor.codegen.EncoderGenerator;
import io.chatwire.wire.processor.docs.DocsWriter;
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
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

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

  private final Consumer<MessageLayout> beforeWrite;
  private DocsWriter docs;
  private Trees trees;

  /** The processor javac's service loader creates. */
  public ChatwireProcessor() {
    this(layout -> {});
  }

  /** For tests: runs {@code beforeWrite} on each planned layout, e.g. to simulate a failure. */
  ChatwireProcessor(Consumer<MessageLayout> beforeWrite) {
    this.beforeWrite = beforeWrite;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(MESSAGE);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return DocsWriter.OPTIONS;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      docs = new DocsWriter(env.getOptions());
    } catch (IllegalArgumentException e) {
      env.getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              Problem.OPTION.format("chatwire.dissector.ports", e.getMessage()));
      docs =
          new DocsWriter(java.util.Map.of("chatwire.docs", "false", "chatwire.dissector", "false"));
    }
    trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      writeDocs();
      return false;
    }
    TypeElement message = processingEnv.getElementUtils().getTypeElement(MESSAGE);
    if (message == null) {
      return false;
    }
    Report report = new Report();
    DescriptorReader reader =
        new DescriptorReader(
            processingEnv.getElementUtils(), processingEnv.getTypeUtils(), trees, report);
    List<Element> elements = new ArrayList<>(round.getElementsAnnotatedWith(message));
    elements.sort(Comparator.comparing(Element::toString));
    for (Element element : elements) {
      if (!(element instanceof TypeElement)) {
        continue;
      }
      TypeElement type = (TypeElement) element;
      try {
        generate(type, reader, report);
      } catch (IOException | RuntimeException | Error e) {
        // Anything, even a StackOverflowError, becomes one error on the record, not a javac crash.
        report.error(Problem.INTERNAL, type, null, type.getSimpleName().toString(), describe(e));
      }
    }
    report.printTo(processingEnv.getMessager());
    return false;
  }

  /** The failure and its top stack frames, for a bug report. */
  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(e.toString());
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(5, frames.length); i++) {
      sb.append("\n    at ").append(frames[i]);
    }
    return sb.toString();
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
    beforeWrite.accept(layout);
    EncoderGenerator.generate(layout).writeTo(processingEnv.getFiler());
    DecoderGenerator.generate(layout).writeTo(processingEnv.getFiler());
    docs.add(layout, processingEnv.getElementUtils());
  }

  private void writeDocs() {
    try {
      docs.write(processingEnv.getFiler());
    } catch (IOException | RuntimeException | Error e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, Problem.INTERNAL.format("layout docs", e));
    }
  }
}
