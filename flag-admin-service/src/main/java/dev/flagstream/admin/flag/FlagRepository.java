package dev.flagstream.admin.flag;

import dev.flagstream.contracts.flag.Flag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code feature_flags} table. Versions and timestamps are the database's to assign. */
@Repository
class FlagRepository {
  private static final String COLUMNS =
      "name, description, enabled, rollout_percentage, user_allowlist, metadata::text AS metadata,"
          + " version, created_at, updated_at, created_by";
  private static final TypeReference<Map<String, @Nullable Object>> OBJECT =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final RowMapper<Flag> rows = this::flag;

  FlagRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<Flag> find(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM feature_flags WHERE name = ?")
        .param(name)
        .query(rows)
        .optional();
  }

  /** Reads the flag and locks its row until the transaction ends. */
  Optional<Flag> lock(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM feature_flags WHERE name = ? FOR UPDATE")
        .param(name)
        .query(rows)
        .optional();
  }

  /**
   * How many flags the table holds and the transaction snapshot this reads in. In a repeatable-read
   * transaction, as its first statement, it is the snapshot every later read of the transaction
   * sees.
   */
  TableState state() {
    return jdbc.sql(
            "SELECT count(*) AS flags,"
                + " pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin,"
                + " pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax,"
                + " pg_postmaster_start_time() AS server_started"
                + " FROM feature_flags")
        .query(
            (row, rowNumber) ->
                new TableState(
                    row.getLong("flags"),
                    row.getLong("xmin"),
                    row.getLong("xmax"),
                    row.getTimestamp("server_started").toInstant()))
        .single();
  }

  /**
   * Hands {@code reader} every flag whose row a transaction no older than {@code since}'s oldest
   * running one wrote: every row that may have changed since a read in {@code since}, and perhaps a
   * few that did not. Scans the table, but reads out only those rows.
   */
  void readWrittenSince(TableState since, Consumer<Flag> reader) {
    jdbc.sql("SELECT " + COLUMNS + " FROM feature_flags WHERE xmin::text::bigint >= :xmin")
        .param("xmin", since.rowXmin())
        .query(each(reader));
  }

  /** Hands every flag to {@code reader}. */
  void readAll(Consumer<Flag> reader) {
    jdbc.sql("SELECT " + COLUMNS + " FROM feature_flags").query(each(reader));
  }

  /** The name of every flag. */
  Set<String> names() {
    return jdbc.sql("SELECT name FROM feature_flags").query(String.class).set();
  }

  /** Flags whose name contains {@code search}, after {@code afterName}, by name. */
  List<Flag> list(@Nullable String search, @Nullable String afterName, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM feature_flags"
                + " WHERE (CAST(:search AS text) IS NULL OR name LIKE '%' || :search || '%' ESCAPE '\\')"
                + " AND (CAST(:after AS text) IS NULL OR name > :after)"
                + " ORDER BY name LIMIT :limit")
        .param("search", search == null ? null : escapeLike(search))
        .param("after", afterName)
        .param("limit", limit)
        .query(rows)
        .list();
  }

  /** The flags {@code filter} matches, after {@code afterName}, by name. */
  List<Flag> page(FlagFilter filter, @Nullable String afterName, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM feature_flags WHERE "
                + MATCHES
                + " AND (CAST(:after AS text) IS NULL OR name > :after)"
                + " ORDER BY name LIMIT :limit")
        .params(criteria(filter))
        .param("after", afterName)
        .param("limit", limit)
        .query(rows)
        .list();
  }

  /** How many flags {@code filter} matches. */
  long count(FlagFilter filter) {
    return jdbc.sql("SELECT count(*) FROM feature_flags WHERE " + MATCHES)
        .params(criteria(filter))
        .query(Long.class)
        .single();
  }

  private static final String MATCHES =
      "(CAST(:search AS text) IS NULL OR name LIKE '%' || :search || '%' ESCAPE '\\')"
          + " AND (CAST(:enabled AS boolean) IS NULL OR enabled = :enabled)"
          + " AND (NOT :partial OR rollout_percentage BETWEEN 1 AND 99)"
          + " AND (CAST(:since AS timestamptz) IS NULL OR updated_at >= :since)";

  private static Map<String, @Nullable Object> criteria(FlagFilter filter) {
    String search = filter.search();
    Instant since = filter.changedSince();
    Map<String, @Nullable Object> criteria = new HashMap<>();
    criteria.put("search", search == null ? null : escapeLike(search));
    criteria.put("enabled", filter.enabled());
    criteria.put("partial", filter.partialRollout());
    criteria.put("since", since == null ? null : OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
    return criteria;
  }

  /** Inserts a new flag; the database assigns its version and times. */
  Flag insert(Flag flag, @Nullable UUID createdBy) {
    return jdbc.sql(
            "INSERT INTO feature_flags"
                + " (name, description, enabled, rollout_percentage, user_allowlist, metadata, created_by)"
                + " VALUES (:name, :description, :enabled, :rollout, :allowlist, CAST(:metadata AS jsonb), :createdBy)"
                + " RETURNING "
                + COLUMNS)
        .params(content(flag))
        .param("createdBy", createdBy)
        .query(rows)
        .single();
  }

  /** Writes the changeable content of {@code flag}; the database assigns the new version. */
  Flag update(Flag flag) {
    return jdbc.sql(
            "UPDATE feature_flags SET description = :description, enabled = :enabled,"
                + " rollout_percentage = :rollout, user_allowlist = :allowlist,"
                + " metadata = CAST(:metadata AS jsonb) WHERE name = :name RETURNING "
                + COLUMNS)
        .params(content(flag))
        .query(rows)
        .single();
  }

  /** The named parameters of a flag's stored content, as insert and update bind them. */
  private Map<String, ?> content(Flag flag) {
    return Map.of(
        "name", flag.name(),
        "description", flag.description(),
        "enabled", flag.enabled(),
        "rollout", flag.rolloutPercentage(),
        "allowlist", new SqlArrayValue("uuid", flag.userAllowlist().toArray()),
        "metadata", json.writeValueAsString(flag.metadata()));
  }

  void delete(String name) {
    jdbc.sql("DELETE FROM feature_flags WHERE name = ?").param(name).update();
  }

  /** Hands each row read, as a flag, to {@code reader}, without holding the rows. */
  private RowCallbackHandler each(Consumer<Flag> reader) {
    return row -> reader.accept(flag(row, row.getRow()));
  }

  private Flag flag(ResultSet row, int rowNumber) throws SQLException {
    String description = row.getString("description");
    return Flag.builder(row.getString("name"))
        .description(description == null ? "" : description)
        .enabled(row.getBoolean("enabled"))
        .rolloutPercentage(row.getInt("rollout_percentage"))
        .userAllowlist(uuids(row.getArray("user_allowlist")))
        .metadata(json.readValue(row.getString("metadata"), OBJECT))
        .version(row.getLong("version"))
        .createdAt(row.getTimestamp("created_at").toInstant())
        .updatedAt(row.getTimestamp("updated_at").toInstant())
        .createdBy(row.getObject("created_by", UUID.class))
        .build();
  }

  private static List<UUID> uuids(@Nullable Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
