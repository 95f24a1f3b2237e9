#!/usr/bin/env bash
# Reward-model scoring throughput: N responses scored one request at a time (batch-1 forward passes) and
# as N concurrent requests through the reward-service's dynamic batcher (the path REST and Kafka scoring
# take); prints the speed-up and the batched throughput. The model is an untrained scratch:xs GPT with a
# scalar head: speed does not depend on what the weights learned.
# Usage: bench/reward-scoring.sh [--n N] [--max-batch B] [--max-wait-ms W] [--model scratch:xs|scratch:s|scratch:m]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls reward-service/target/reward-service-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z "$jar" || -n "$(find reward-service/src/main reward-service/pom.xml ml/src/main -newer "$jar" -print -quit)" ]]; then
  ./mvnw -q -pl reward-service -am install -DskipTests
  jar=$(ls reward-service/target/reward-service-*-exec.jar | head -1)
fi
java_bin=java
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
# one libtorch thread unless told otherwise: on a shared 2-core machine OpenMP spin-waiting makes two threads slower
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export RLAIF_ML_THREADS=${RLAIF_ML_THREADS:-1} RLAIF_ML_INTEROP_THREADS=${RLAIF_ML_INTEROP_THREADS:-1}
exec "$java_bin" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
  -Dloader.main=dev.rlaif.reward.scoring.ScoringBenchmark -cp "$jar" \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
