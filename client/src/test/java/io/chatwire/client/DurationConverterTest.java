package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/**
 * Duration flags such as {@code --heartbeat 30s}: the same forms as the server's {@code
 * --idle-timeout} (its {@code CommandLineTest} holds the same table).
 */
class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test
  void acceptsUnitsPlainSecondsAndIso() {
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(converter.convert("PT2S")).isEqualTo(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "300s=300000",
        "2m=120000",
        "500ms=500",
        "45=45000",
        "1h=3600000",
        "10 S=10000",
        "PT30S=30000",
        "pt5m=300000",
        "PT0.5S=500",
        "P1D=86400000"
      })
  void acceptsTheServersForms(String c) {
    String[] parts = c.split("=");
    assertThat(converter.convert(parts[0])).isEqualTo(Duration.ofMillis(Long.parseLong(parts[1])));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "1.5s", "-3s", "3 days", "PT", "PT-5S", "P", "5 minutes"})
  void rejectsWhatTheServerRejects(String bad) {
    assertThatThrownBy(() -> converter.convert(bad)).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> converter.convert("soon"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'soon' is not a duration");
  }
}
