package io.chatwire.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a duration flag: {@code 300s}, {@code 5m}, {@code 500ms}, {@code 1h}, plain seconds
 * ({@code 45}) or ISO-8601 ({@code PT5M}), case-insensitive; negative values are rejected. The
 * client's {@code DurationConverter} is the same code (the two share no module) and both are tested
 * on the same forms.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Duration parsed = v.startsWith("p") ? iso(v) : simple(v);
    if (parsed == null || parsed.isNegative()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration (try 300s, 5m, 500ms, 1h, PT5M or seconds)");
    }
    return parsed;
  }

  /**
   * The shortest simple form of {@code d}, as {@code --help} shows defaults: {@code 300s}, {@code
   * 500ms}.
   */
  static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static Duration iso(String v) {
    try {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration simple(String v) {
    Matcher m = SIMPLE.matcher(v);
    if (!m.matches()) {
      return null;
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
