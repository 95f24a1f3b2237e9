#!/usr/bin/env bash
# Labeling throughput through the real service path: label requests on Kafka -> labeler-service -> judge simulator
# (fixed latency, concurrency limit C) -> results on Kafka. Prints achieved judge calls/s divided by the simulator's
# capacity C / latency as `efficiency`; the last line is `RESULT efficiency=... labels_per_s=...` (target >= 0.9).
#
# usage: bench/labeling-throughput.sh [--pairs N] [--concurrency C] [--latency-ms L] [--debiasing true|false]
# defaults: 2000 pairs, C = 32, 100 ms, both orders (2 calls per label). Needs JAVA_HOME pointing at a JDK 21+.
# Kafka is the in-JVM KRaft broker and PostgreSQL zonky's embedded one (or TEST_PG_URL/TEST_PG_USER/TEST_PG_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
classpath_file="$PWD/labeler-service/target/bench.classpath"
./mvnw -q -pl labeler-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
exec "$JAVA_HOME/bin/java" -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED \
  -cp "labeler-service/target/test-classes:labeler-service/target/classes:$(cat "$classpath_file")" \
  dev.rlaif.labeler.bench.LabelingThroughputBench "$@"
