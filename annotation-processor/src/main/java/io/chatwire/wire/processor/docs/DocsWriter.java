package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.LayoutPlanner;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Collects the layouts of every round and, when processing is over, writes per package {@code
 * META-INF/chatwire/<package>.md} (layout docs) and {@code META-INF/chatwire/<package>.lua} (a
 * Wireshark dissector) to the class output.
 *
 * <p>Processor options: {@code chatwire.docs} and {@code chatwire.dissector} ({@code false} turns
 * either off for the module), {@code chatwire.docs.exclude} (comma-separated record names left out
 * of both), {@code chatwire.dissector.ports} (default ports, see {@link Route}).
 */
public final class DocsWriter {
  /** Option names this writer reads. */
  public static final Set<String> OPTIONS =
      Set.of(
          "chatwire.docs",
          "chatwire.dissector",
          "chatwire.docs.exclude",
          "chatwire.dissector.ports");

  private final boolean docs;
  private final boolean dissector;
  private final Set<String> excluded;
  private final Map<String, Route> routes;
  private final Map<String, List<MarkdownPage.Entry>> byPackage = new TreeMap<>();
  private final Map<String, MarkdownPage.Entry> listElements = new TreeMap<>();

  /**
   * Reads the options.
   *
   * @throws IllegalArgumentException if {@code chatwire.dissector.ports} is malformed
   */
  public DocsWriter(Map<String, String> options) {
    this.docs = !"false".equalsIgnoreCase(options.get("chatwire.docs"));
    this.dissector = !"false".equalsIgnoreCase(options.get("chatwire.dissector"));
    String exclude = options.getOrDefault("chatwire.docs.exclude", "");
    this.excluded = new HashSet<>(Arrays.asList(exclude.split("\\s*,\\s*")));
    this.routes = Route.parse(options.get("chatwire.dissector.ports"));
  }

  /** Whether anything will be written. */
  public boolean enabled() {
    return docs || dissector;
  }

  /** Remembers a generated message for the package's pages. */
  public void add(MessageLayout layout, Elements elements) {
    String simple = layout.message().simpleName();
    String qualified = layout.message().type().canonicalName();
    if (!enabled() || excluded.contains(simple) || excluded.contains(qualified)) {
      return;
    }
    String summary = Summary.of(elements.getDocComment(layout.message().element()));
    byPackage
        .computeIfAbsent(layout.message().packageName(), k -> new ArrayList<>())
        .add(new MarkdownPage.Entry(layout, summary));
    rememberElements(layout, elements);
  }

  /** The element records of {@code layout}'s lists, which its page links to. */
  private void rememberElements(MessageLayout layout, Elements elements) {
    for (Leaf leaf : layout.leaves()) {
      if (leaf.field().kind() == WireKind.LIST) {
        MessageDescriptor element = leaf.field().nested();
        String name = element.type().canonicalName();
        if (!listElements.containsKey(name)) {
          MessageLayout planned = LayoutPlanner.plan(element);
          String summary = Summary.of(elements.getDocComment(element.element()));
          listElements.put(name, new MarkdownPage.Entry(planned, summary));
          rememberElements(planned, elements);
        }
      }
    }
  }

  /**
   * The page entries of a package plus the list elements of the package that are not among them
   * (left out by {@code chatwire.docs.exclude}): a list's elements are always documented.
   */
  private List<MarkdownPage.Entry> withElements(
      String packageName, List<MarkdownPage.Entry> entries) {
    List<MarkdownPage.Entry> all = new ArrayList<>(entries);
    Set<String> present = new HashSet<>();
    entries.forEach(x -> present.add(x.layout().message().type().canonicalName()));
    for (Map.Entry<String, MarkdownPage.Entry> e : listElements.entrySet()) {
      if (!present.contains(e.getKey())
          && e.getValue().layout().message().packageName().equals(packageName)) {
        all.add(e.getValue());
      }
    }
    all.sort(Comparator.comparing(x -> x.layout().message().simpleName()));
    return all;
  }

  /** Writes every package's files; call once, when processing is over. */
  public void write(Filer filer) throws IOException {
    for (Map.Entry<String, List<MarkdownPage.Entry>> e : byPackage.entrySet()) {
      List<MarkdownPage.Entry> entries = new ArrayList<>(e.getValue());
      entries.sort(Comparator.comparing(x -> x.layout().message().simpleName()));
      if (docs) {
        write(
            filer,
            e.getKey() + ".md",
            MarkdownPage.render(e.getKey(), withElements(e.getKey(), entries)));
      }
      if (dissector) {
        List<MessageLayout> layouts = new ArrayList<>();
        entries.forEach(x -> layouts.add(x.layout()));
        write(filer, e.getKey() + ".lua", LuaDissector.render(e.getKey(), layouts, routes));
      }
    }
    byPackage.clear();
    listElements.clear();
  }

  private static void write(Filer filer, String name, String content) throws IOException {
    FileObject file =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/chatwire/" + name);
    try (Writer w = file.openWriter()) {
      w.write(content);
    }
  }
}
