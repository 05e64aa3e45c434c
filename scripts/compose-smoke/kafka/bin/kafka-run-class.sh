#!/bin/bash
# kafka-run-class.sh of the stand-in: a Kafka class on the jars in /opt/kafka/libs.
set -eu
heap=${KAFKA_HEAP_OPTS:--Xmx256m}
log4j=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties}
# shellcheck disable=SC2086 # the *_OPTS variables hold several options, as in Kafka's own script
exec java $heap ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} $log4j ${KAFKA_OPTS:-} \
  -cp '/opt/kafka/libs/*' "$@"
