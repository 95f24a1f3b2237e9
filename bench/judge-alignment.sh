#!/usr/bin/env bash
# Alignment of the judge simulator's size presets (xs, s, l) with the simulated human raters on
# 2,000 synthsumm pairs, with and without averaging both orders; position-bias rate; human-human
# agreement. A simulated world: the numbers show the machinery works, not that the paper's findings hold.
# Usage: bench/judge-alignment.sh [--pairs N] [--seed S] [--judge-seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=testbed/target/judge-sim.jar
if [[ ! -f "$jar" || -n "$(find testbed/src testbed/pom.xml -newer "$jar" -print -quit)" ]]; then
  ./mvnw -q -pl testbed -am package -DskipTests
fi
java_bin=java
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
exec "$java_bin" -cp "$jar" dev.rlaif.testbed.bench.JudgeAlignmentBench --pairs 2000 "$@"
