package dev.flagstream.admin.audit;

import dev.flagstream.admin.system.RequestIds;
import dev.flagstream.admin.system.RequestOrigin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The append-only audit log. {@link #record} joins the caller's transaction, so an entry exists
 * exactly when its change was committed. Each entry also records where the request that made it
 * came from ({@link RequestOrigin}), which only admins read back.
 */
@Repository
public class AuditLog {
  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Records a change in the current transaction; fails when there is none, since an entry written
   * apart from its change could outlive a rollback. The request being served on this thread, if
   * any, gives the entry its request ids, client address and user agent.
   *
   * @param before the target's state before, as a value the service's mapper writes (a {@link
   *     RawValue} is recorded as the JSON text it holds), or null
   * @param after the target's state after, or null
   * @return the new entry's id
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long record(
      Actor actor,
      AuditAction action,
      String target,
      @Nullable Object before,
      @Nullable Object after) {
    RequestOrigin origin = RequestOrigin.current();
    return jdbc.sql(
            "INSERT INTO audit_log (actor_id, actor_email, action, target_type, target, before,"
                + " after, request_id, client_request_id, client_address, user_agent) VALUES"
                + " (:actorId, :actorEmail, :action, :targetType, :target, CAST(:before AS jsonb),"
                + " CAST(:after AS jsonb), :requestId, :clientRequestId, :clientAddress,"
                + " :userAgent) RETURNING id")
        .param("actorId", actor.id())
        .param("actorEmail", actor.email())
        .param("action", action.name())
        .param("targetType", action.targetType().name())
        .param("target", target)
        .param("before", before == null ? null : json.writeValueAsString(before))
        .param("after", after == null ? null : json.writeValueAsString(after))
        .param("requestId", RequestIds.current())
        .param("clientRequestId", RequestIds.currentClientId())
        .param("clientAddress", origin == null ? null : origin.clientAddress())
        .param("userAgent", origin == null ? null : origin.userAgent())
        .query(Long.class)
        .single();
  }

  /** The entry with that id. */
  public Optional<AuditEntry> find(long id) {
    return jdbc.sql("SELECT * FROM audit_log WHERE id = ?").param(id).query(this::entry).optional();
  }

  /**
   * Entries matching {@code query} that {@code reader} may see, newest first, older than {@code
   * beforeId} when given; where their requests came from only when the reader is an admin.
   */
  public List<AuditEntry> search(
      AuditQuery query, AuditReader reader, @Nullable Long beforeId, int limit) {
    List<AuditEntry> entries =
        jdbc.sql(
                "SELECT * FROM audit_log WHERE"
                    + " (CAST(:targetType AS text) IS NULL OR (target_type = :targetType AND target = :target))"
                    + " AND (:everything OR target_type = 'FLAG' OR (target_type = 'TOKEN' AND"
                    + " COALESCE(after ->> 'userId', before ->> 'userId') = CAST(:reader AS text)))"
                    + " AND (CAST(:actorId AS uuid) IS NULL OR actor_id = :actorId)"
                    + " AND (CAST(:action AS text) IS NULL OR action = :action)"
                    + " AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)"
                    + " AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)"
                    + " AND (CAST(:beforeId AS bigint) IS NULL OR id < :beforeId)"
                    + " ORDER BY id DESC LIMIT :limit")
            .param("targetType", query.flag() == null ? null : AuditAction.TargetType.FLAG.name())
            .param("target", query.flag())
            .param("actorId", query.actorId())
            .param("action", query.action() == null ? null : query.action().name())
            .param("from", offset(query.from()))
            .param("to", offset(query.to()))
            .param("everything", reader.seesEverything())
            .param("reader", reader.userId().toString())
            .param("beforeId", beforeId)
            .param("limit", limit)
            .query(this::entry)
            .list();
    return reader.seesEverything()
        ? entries
        : entries.stream().map(AuditEntry::withoutOrigin).toList();
  }

  /**
   * Entries about flags with an id above {@code afterId}, oldest first, at most {@code limit}: what
   * changed since a reader last looked, for pages that follow changes as they happen. Ids are
   * assigned as entries are written, not as they commit, so a reader that must miss nothing looks
   * again a little below the highest id it has seen.
   */
  public List<AuditEntry> flagEntriesAfter(long afterId, int limit) {
    return jdbc
        .sql(
            "SELECT * FROM audit_log WHERE target_type = 'FLAG' AND id > :after"
                + " ORDER BY id LIMIT :limit")
        .param("after", afterId)
        .param("limit", limit)
        .query(this::entry)
        .list()
        .stream()
        .map(AuditEntry::withoutOrigin)
        .toList();
  }

  /** The highest id of any entry, 0 when the log is empty. */
  public long latestId() {
    return jdbc.sql("SELECT COALESCE(max(id), 0) FROM audit_log").query(Long.class).single();
  }

  private static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private AuditEntry entry(ResultSet row, int rowNumber) throws SQLException {
    AuditAction action = AuditAction.valueOf(row.getString("action"));
    return new AuditEntry(
        row.getLong("id"),
        row.getTimestamp("occurred_at").toInstant(),
        row.getObject("actor_id", UUID.class),
        row.getString("actor_email"),
        action,
        AuditAction.TargetType.valueOf(row.getString("target_type")),
        row.getString("target"),
        row.getString("before"),
        row.getString("after"),
        row.getString("request_id"),
        row.getString("client_request_id"),
        row.getString("client_address"),
        row.getString("user_agent"),
        action.outcome());
  }
}
