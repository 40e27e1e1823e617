package dev.flagstream.local.infrastructure;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the integration tests get PostgreSQL and Kafka: {@link #EMBEDDED}, real servers from Maven
 * artifacts on this machine, which need nothing but a JDK (the default); or {@link #CONTAINERS},
 * the same servers in containers through Testcontainers, which needs a Docker engine. The system
 * property {@value #PROPERTY} chooses: {@code -Dflagstream.infrastructure=containers}.
 */
public enum Infrastructure {
  /** {@link LocalPostgres} and {@link LocalKafka}. */
  EMBEDDED(LocalPostgres::startTemporary, LocalKafka::startTemporary),

  /** {@link ContainerPostgres} and {@link ContainerKafka}; needs Docker and Testcontainers. */
  CONTAINERS(ContainerPostgres::start, ContainerKafka::start);

  /** The system property that chooses. */
  public static final String PROPERTY = "flagstream.infrastructure";

  private final Supplier<PostgresServer> postgres;
  private final Supplier<KafkaServer> kafka;

  Infrastructure(Supplier<PostgresServer> postgres, Supplier<KafkaServer> kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  /** The infrastructure {@value #PROPERTY} names; {@link #EMBEDDED} when it is unset. */
  public static Infrastructure selected() {
    return named(System.getProperty(PROPERTY));
  }

  /**
   * The infrastructure of that name, case aside; {@link #EMBEDDED} for null or blank.
   *
   * @throws IllegalArgumentException for any other name, listing the choices
   */
  public static Infrastructure named(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return EMBEDDED;
    }
    for (Infrastructure infrastructure : values()) {
      if (infrastructure.name().equalsIgnoreCase(name.strip())) {
        return infrastructure;
      }
    }
    throw new IllegalArgumentException(
        PROPERTY
            + "="
            + name
            + " is not one of "
            + Arrays.stream(values()).map(value -> value.name().toLowerCase(Locale.ROOT)).toList());
  }

  /** Starts a PostgreSQL server of this kind; blocks until it accepts connections. */
  public PostgresServer startPostgres() {
    return postgres.get();
  }

  /** Starts a Kafka broker of this kind; blocks until it answers. */
  public KafkaServer startKafka() {
    return kafka.get();
  }
}
