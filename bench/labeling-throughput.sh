#!/usr/bin/env bash
# Labeling throughput through the real service path: label requests on Kafka -> labeler-service -> judge simulator
# (fixed latency, concurrency limit C) -> results on Kafka. Prints achieved judge calls/s divided by the simulator's
# capacity C / latency as `efficiency`; the last line is `RESULT efficiency=... labels_per_s=...` (target >= 0.9).
#
# usage: bench/labeling-throughput.sh [--pairs N] [--concurrency C] [--latency-ms L] [--debiasing true|false]
# defaults: 2000 pairs, C = 32, 500 ms (a hosted or self-served LLM answers a one-token prompt in ~0.2-2 s),
# both orders (2 calls per label). Needs JAVA_HOME pointing at a JDK 21+.
# Kafka is the in-JVM KRaft broker and PostgreSQL zonky's embedded one (or TEST_PG_URL/TEST_PG_USER/TEST_PG_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
classpath_file="$PWD/labeler-service/target/bench.classpath"
./mvnw -q -pl labeler-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
# a private copy of the service's classes, so that a concurrent build of the module cannot pull them away mid-run
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
cp -r labeler-service/target/classes "$classes/main"
cp -r labeler-service/target/test-classes "$classes/test"
log="$classes/bench.log"
"$JAVA_HOME/bin/java" -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED \
  -cp "$classes/test:$classes/main:$(cat "$classpath_file")" \
  dev.rlaif.labeler.bench.LabelingThroughputBench "$@" 2>&1 | grep -v '^WARNING: ' | tee "$log"
# the JVM's shutdown warnings may come after the result: repeat it as the last line
grep '^RESULT ' "$log" | tail -1
