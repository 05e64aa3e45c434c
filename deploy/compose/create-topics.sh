#!/bin/sh
# Creates the contract's topics with their settings; safe to run again.
set -eu
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}
topics=/opt/kafka/bin/kafka-topics.sh
$topics --bootstrap-server "$bootstrap" --create --if-not-exists --topic limber.catalog.exercises.v1 \
  --partitions 3 --replication-factor 1 --config cleanup.policy=compact
$topics --bootstrap-server "$bootstrap" --create --if-not-exists --topic limber.sessions.v1 \
  --partitions 6 --replication-factor 1 --config cleanup.policy=delete
$topics --bootstrap-server "$bootstrap" --create --if-not-exists --topic limber.prompts.v1 \
  --partitions 6 --replication-factor 1 --config cleanup.policy=delete
# Dead-letter topics of the consumers (broker-side auto-creation is off).
for dlq in limber.sessions.v1.reminder-service.dlq limber.catalog.exercises.v1.reminder-service.dlq \
           limber.catalog.exercises.v1.session-service.dlq; do
  $topics --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$dlq" \
    --partitions 1 --replication-factor 1
done
echo "Limber topics are ready"
