package io.chatwire.wire.processor.docs;

/** The first paragraph of a Javadoc comment, as Markdown. */
final class Summary {
  private Summary() {}

  static String of(String javadoc) {
    if (javadoc == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : javadoc.strip().split("\n")) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("@") || text.startsWith("<")) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : " ").append(text);
    }
    return sb.toString().replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "`$1`");
  }
}
