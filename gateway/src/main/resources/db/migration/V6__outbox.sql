-- The outbox (docs/adr/0016): Spring Modulith's event publication registry, the JDBC schema for
-- PostgreSQL of spring-modulith-events-jdbc 1.4.4 (schema-postgresql.sql). Every record the gateway
-- owes Kafka is a row, written in the transaction of its read-model change; completion_date is set
-- once Kafka acknowledged the send, and completed rows are deleted after a while.
CREATE TABLE IF NOT EXISTS event_publication
(
  id               UUID NOT NULL,
  listener_id      TEXT NOT NULL,
  event_type       TEXT NOT NULL,
  serialized_event TEXT NOT NULL,
  publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
