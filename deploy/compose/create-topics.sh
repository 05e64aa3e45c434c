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
echo "Limber topics are ready"
