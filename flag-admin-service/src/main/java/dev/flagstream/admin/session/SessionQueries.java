package dev.flagstream.admin.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session store's query for a user's sessions, ordered. Spring Session joins each session with
 * its attributes and reads the rows as if each session's came together, which its query does not
 * ask of the database: when PostgreSQL hash-joins the two tables, as it does once they are large,
 * the rows come in the attributes' physical order, where an attribute rewritten by a later request
 * sits behind other sessions' rows. Such a session came back split, most of its attributes lost,
 * and went missing from its user's list and from the count of sessions ended. Ordered by session,
 * each session's rows come together.
 */
@Configuration
class SessionQueries {
  static final String SESSIONS_OF_USER =
      """
      SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME,
          S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
      FROM %TABLE_NAME% S
      LEFT JOIN %TABLE_NAME%_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
      WHERE S.PRINCIPAL_NAME = ?
      ORDER BY S.PRIMARY_ID
      """;

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsOfAUserInOneOrder() {
    return store -> store.setListSessionsByPrincipalNameQuery(SESSIONS_OF_USER);
  }
}
