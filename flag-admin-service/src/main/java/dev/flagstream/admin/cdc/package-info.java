/**
 * Change data capture: every committed change of the flag table, read from PostgreSQL's write-ahead
 * log by one Debezium engine among all replicas, published to the compacted flag topic as contracts
 * change events. The service never writes to Kafka directly, so there are no dual writes to get out
 * of step.
 */
@NullMarked
package dev.flagstream.admin.cdc;

import org.jspecify.annotations.NullMarked;
