#!/usr/bin/env bash
# The same GPT-2 (preset scratch:s, ~2.8 M parameters, vocab 512), batch 16 × 64 tokens for training
# and 16 prompts × 128 new tokens for sampling, run by ml (DJL) and by PyTorch eager (Debian
# python3-torch), alternating in one run so machine noise hits both. Prints medians and the ratios
# train_ratio = ml ÷ PyTorch training tokens/s and sample_ratio = ml ÷ PyTorch sampling tokens/s.
# Env: ROUNDS (default 5), RLAIF_ML_THREADS (both sides, default 2).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3
if ! "$PY" -c 'import torch' 2>/dev/null; then
  echo "installing python3-torch (and OpenBLAS, so PyTorch does not run on the reference BLAS)"
  apt-get install -y python3-torch libopenblas0-openmp >/dev/null
fi
export RLAIF_ML_THREADS="${RLAIF_ML_THREADS:-2}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" # both sides: see ml/run-java.sh
ROUNDS="${ROUNDS:-5}"
PRESET=scratch:s
field() { { grep '^RESULT' || true; } | tr ' ' '\n' | { grep "^$1=" || true; } | cut -d= -f2; }
# a run that printed no RESULT (killed, crashed) is reported and left out of the medians
keep() { if [[ -n "$2" ]]; then eval "$1+=(\"\$2\")"; else echo "warning: a $1 run gave no number" >&2; fi; }

"$HERE/ml/run-java.sh" matmul >/dev/null 2>&1 # build once
# correctness first: a checkpoint ml wrote (left by GptReferenceTest) through PyTorch's forward pass
if [[ -d "$HERE/../ml/target/reference-from-java" ]]; then
  "$PY" "$HERE/../ml/src/test/python/gpt2_reference.py" check "$HERE/../ml/target/reference-from-java"
fi
export ML_BENCH_SKIP_BUILD=1
ours_train=(); torch_train=(); ours_sample=(); torch_sample=()
for round in $(seq "$ROUNDS"); do
  a="$("$HERE/ml/run-java.sh" train "$PRESET" 512 16 64 15 2>&1 | field tokens_per_s || true)"; keep ours_train "$a"
  b="$("$PY" "$HERE/ml/pytorch_gpt.py" train "$PRESET" 512 16 64 15 2>&1 | field tokens_per_s || true)"; keep torch_train "$b"
  c="$("$HERE/ml/run-java.sh" sample "$PRESET" 512 16 16 128 1 2>&1 | field kv_tokens_per_s || true)"; keep ours_sample "$c"
  d="$("$PY" "$HERE/ml/pytorch_gpt.py" sample "$PRESET" 512 16 16 128 1 2>&1 | field kv_tokens_per_s || true)"; keep torch_sample "$d"
  echo "round $round: train ml ${a:-?} / pytorch ${b:-?} tokens/s; sample ml ${c:-?} / pytorch ${d:-?} tokens/s"
done
"$PY" - "${ours_train[*]}" "${torch_train[*]}" "${ours_sample[*]}" "${torch_sample[*]}" <<'PY'
import statistics, sys
ot, tt, os_, ts = ([float(v) for v in arg.split()] for arg in sys.argv[1:5])
m = statistics.median
print(f"medians: train ml {m(ot):.0f} vs pytorch {m(tt):.0f} tokens/s; sample ml {m(os_):.0f} vs pytorch {m(ts):.0f} tokens/s")
print(f"RESULT train_ratio={m(ot) / m(tt):.2f} sample_ratio={m(os_) / m(ts):.2f} ml_train_tokens_per_s={m(ot):.0f} "
      f"pytorch_train_tokens_per_s={m(tt):.0f} ml_sample_tokens_per_s={m(os_):.0f} pytorch_sample_tokens_per_s={m(ts):.0f}")
PY
