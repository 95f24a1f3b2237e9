#!/usr/bin/env bash
# Batched sampling throughput of the ml module with and without the KV cache: ~1 M parameter
# GPT-2, 16 prompts of 16 tokens, 128 new tokens each, temperature 0.9. Medians over REPEATS runs.
# Env: RLAIF_ML_THREADS (default 2), REPEATS (default 3).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$("$HERE/ml/run-java.sh" sample scratch:xs 512 16 16 128 "${REPEATS:-3}" 2>&1 | grep -E '^(sample|RESULT)')"
echo "$out"
