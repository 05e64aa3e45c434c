#!/usr/bin/env bash
# 100,000 prompts due at once (issue 5): how long reminder-service takes to dispatch them to
# limber.prompts.v1 with one and with two instances, beside db-scheduler doing the same work
# (a one-time task per prompt that publishes to Kafka) on the same PostgreSQL and broker. The
# instances run against their own scratch databases, dropped afterwards. Options go to the
# driver, e.g. --prompts 20000 --instances 1 --scheduler-threads 40.
source "$(dirname "$0")/suite.sh"
bench prompts --keys .limber/keys "$@"
