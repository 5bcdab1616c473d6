#!/bin/sh
# Runs the benchmark from the repository root: benchmarks/run.sh --sizes seeds,10k,100k,1m
cd "$(dirname "$0")/.." && exec python3 -m benchmarks "$@"
