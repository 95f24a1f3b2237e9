#!/usr/bin/env bash
# Training throughput of the ml module: tokens/s and model-FLOPs utilisation (6·params·tokens/s over
# a float32 1024² matmul peak measured through libtorch in the same process, probed after every
# step so both see the same machine load; median of the probes) for a ~1 M and a ~10 M
# parameter GPT-2, batch 16 × 64 tokens, AdamW, full optimiser steps. Medians over STEPS steps.
# Env: RLAIF_ML_THREADS (libtorch intra-op threads, default 2), STEPS (default 20).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STEPS="${STEPS:-20}"
run() { "$HERE/ml/run-java.sh" "$@" 2>&1 | grep -E '^(train|RESULT)'; }

small="$(run train scratch:xs 512 16 64 "$STEPS")"
echo "$small" | grep -v '^RESULT'
export ML_BENCH_SKIP_BUILD=1
large="$(run train scratch:m 512 16 64 "$STEPS")"
echo "$large" | grep -v '^RESULT'

field() { echo "$1" | grep '^RESULT' | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
echo "RESULT params_1m=$(field "$small" params) tokens_per_s_1m=$(field "$small" tokens_per_s) mfu_1m=$(field "$small" mfu)" \
     "params_10m=$(field "$large" params) tokens_per_s_10m=$(field "$large" tokens_per_s) mfu_10m=$(field "$large" mfu)" \
     "matmul_gflops=$(field "$large" matmul_gflops)"
