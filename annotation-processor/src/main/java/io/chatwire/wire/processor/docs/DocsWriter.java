package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.MessageLayout;
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
  }

  /** Writes every package's files; call once, when processing is over. */
  public void write(Filer filer) throws IOException {
    for (Map.Entry<String, List<MarkdownPage.Entry>> e : byPackage.entrySet()) {
      List<MarkdownPage.Entry> entries = new ArrayList<>(e.getValue());
      entries.sort(Comparator.comparing(x -> x.layout().message().simpleName()));
      if (docs) {
        write(filer, e.getKey() + ".md", MarkdownPage.render(e.getKey(), entries));
      }
      if (dissector) {
        List<MessageLayout> layouts = new ArrayList<>();
        entries.forEach(x -> layouts.add(x.layout()));
        write(filer, e.getKey() + ".lua", LuaDissector.render(e.getKey(), layouts, routes));
      }
    }
    byPackage.clear();
  }

  private static void write(Filer filer, String name, String content) throws IOException {
    FileObject file =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/chatwire/" + name);
    try (Writer w = file.openWriter()) {
      w.write(content);
    }
  }
}
