#!/bin/bash
# Creates the topics of DESIGN §4 (processes: nl.knooppunt.processes.events.Topic) with their
# settings. Idempotent: an existing topic is left alone, then its configs are (re)applied.
# Settings here and in deploy/helm/kafka/topics.yaml are checked against each other by
# DeploymentFilesTest.
set -euo pipefail
BIN=/opt/kafka/bin
B="${BOOTSTRAP:?BOOTSTRAP}"
RF="${REPLICATION_FACTOR:-3}"
ISR="${MIN_INSYNC_REPLICAS:-2}"

# name | partitions | configs
TOPICS=(
  "knooppunt.notifications.v2|12|cleanup.policy=delete,retention.ms=2592000000"
  "knooppunt.acknowledgements.v2|12|cleanup.policy=delete,retention.ms=2592000000"
  "knooppunt.acknowledgements.v2.dlt|3|cleanup.policy=delete,retention.ms=7776000000"
  "knooppunt.events.v2|12|cleanup.policy=delete,retention.ms=-1,retention.bytes=-1"
  "knooppunt.threat-levels.v2|6|cleanup.policy=compact,min.compaction.lag.ms=3600000,delete.retention.ms=604800000"
  "knooppunt.measures.v2|3|cleanup.policy=compact,min.compaction.lag.ms=3600000,delete.retention.ms=604800000"
  "knooppunt.contacts.v2|3|cleanup.policy=compact,min.compaction.lag.ms=3600000,delete.retention.ms=604800000"
)

for t in "${TOPICS[@]}"; do
  IFS='|' read -r name partitions configs <<< "$t"
  all="min.insync.replicas=${ISR},${configs}"
  echo "topic ${name}: ${partitions} partitions, replication ${RF}, ${all}"
  args=()
  IFS=',' read -ra kv <<< "$all"
  for c in "${kv[@]}"; do args+=(--config "$c"); done
  "$BIN/kafka-topics.sh" --bootstrap-server "$B" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$RF" "${args[@]}"
  "$BIN/kafka-configs.sh" --bootstrap-server "$B" --alter --entity-type topics \
    --entity-name "$name" --add-config "$all"
done
"$BIN/kafka-topics.sh" --bootstrap-server "$B" --describe --topics-with-overrides
