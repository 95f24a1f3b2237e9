#!/usr/bin/env bash
# Builds the ml module once (no tests) and runs dev.rlaif.ml.bench.MlBenchmark with the given arguments.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME DJL_OFFLINE=true OPT_OUT_TRACKING=true
# on a shared machine libgomp's spin-waiting threads collapse throughput (measured 663 vs 4,998
# training tokens/s at load 8 on 2 cores); sleeping waits cost little when the machine is quiet
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
CP_FILE="$ROOT/ml/target/bench-classpath.txt"
if [[ -z "${ML_BENCH_SKIP_BUILD:-}" || ! -f "$CP_FILE" ]]; then
  (cd "$ROOT" && ./mvnw -q -pl ml -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >/dev/null)
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${RLAIF_ML_THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$ROOT/ml/target/classes:$(cat "$CP_FILE")" dev.rlaif.ml.bench.MlBenchmark "$@"
