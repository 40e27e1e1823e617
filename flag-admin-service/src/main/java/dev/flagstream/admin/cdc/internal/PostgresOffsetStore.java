package dev.flagstream.admin.cdc.internal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the capture engine's offsets in the {@code cdc_offsets} table of the flag database, so they
 * survive restarts and move with the database rather than with one replica's disk. The engine
 * instantiates it by class name and passes the connection in its configuration: the JDBC URL under
 * {@link #URL}, and each of the driver's connection properties (user, password, timeouts) under
 * {@link #CONNECTION} followed by its name.
 *
 * <p>Offsets are written whenever the engine commits them, which it does only for records already
 * acknowledged by Kafka: a crash replays, never skips.
 */
public final class PostgresOffsetStore extends MemoryOffsetBackingStore {
  public static final String URL = "flagstream.offsets.jdbc.url";

  /** The prefix of the driver's connection properties, such as {@code ….connection.user}. */
  public static final String CONNECTION = "flagstream.offsets.jdbc.connection.";

  private final Converter keyConverter;
  private final Map<String, Set<Map<String, Object>>> partitionsByConnector = new HashMap<>();
  private @Nullable String url;
  private final Properties connectionProperties = new Properties();
  // Offsets are written after every batch; a connection kept open saves a connect per batch.
  private @Nullable Connection connection;

  public PostgresOffsetStore() {
    this(schemalessJson());
  }

  public PostgresOffsetStore(Converter keyConverter) {
    this.keyConverter = keyConverter;
  }

  private static Converter schemalessJson() {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), true);
    return converter;
  }

  @Override
  public void configure(WorkerConfig config) {
    super.configure(config);
    Map<String, Object> settings = config.originals();
    url = Objects.requireNonNull((String) settings.get(URL), URL + " is required");
    settings.forEach(
        (name, value) -> {
          if (name.startsWith(CONNECTION) && value != null) {
            connectionProperties.setProperty(name.substring(CONNECTION.length()), value.toString());
          }
        });
  }

  @Override
  public synchronized void start() {
    super.start();
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT offset_key, offset_value FROM cdc_offsets");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        byte[] key = rows.getBytes(1);
        byte[] value = rows.getBytes(2);
        data.put(ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value));
        OffsetUtils.processPartitionKey(key, value, keyConverter, partitionsByConnector);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the capture offsets from cdc_offsets", e);
    }
  }

  @Override
  public synchronized void stop() {
    super.stop();
    closeConnection();
  }

  @Override
  protected void save() {
    try {
      write();
    } catch (SQLException first) {
      // The kept connection may have died with a database restart: one fresh attempt.
      closeConnection();
      try {
        write();
      } catch (SQLException e) {
        e.addSuppressed(first);
        // The engine sees the failed commit and keeps the older offsets: a later replay, no loss.
        throw new IllegalStateException("cannot write the capture offsets to cdc_offsets", e);
      }
    }
  }

  private void write() throws SQLException {
    if (connection == null) {
      connection = connect();
      connection.setAutoCommit(false);
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO cdc_offsets (offset_key, offset_value, updated_at) VALUES (?, ?, NOW())"
                + " ON CONFLICT (offset_key) DO UPDATE SET offset_value = EXCLUDED.offset_value,"
                + " updated_at = NOW()")) {
      for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
        byte[] key = bytes(entry.getKey());
        byte[] value = entry.getValue() == null ? null : bytes(entry.getValue());
        upsert.setBytes(1, key);
        upsert.setBytes(2, value);
        upsert.addBatch();
        OffsetUtils.processPartitionKey(key, value, keyConverter, partitionsByConnector);
      }
      upsert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // it is being replaced or the store is stopping
      }
      connection = null;
    }
  }

  @Override
  public Set<Map<String, Object>> connectorPartitions(String connectorName) {
    return partitionsByConnector.getOrDefault(connectorName, Set.of());
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(Objects.requireNonNull(url), connectionProperties);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy;
  }
}
