#!/usr/bin/env bash
# Runs every benchmark and its reference side by side: CapiKit's event pipeline, Meta's official Node.js SDK doing
# the same job on the same seeded inputs (in alternating rounds, ROUNDS=5 by default), the SHA-256 floor and the
# cost of hashing one value. Results go to benchmarks/results/.
#   bash benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")"
results="$PWD/results"
mkdir -p "$results"

(cd node && npm ci --no-audit --no-fund --silent)
dotnet build CapiKit.Benchmarks -c Release -nologo -v:q

echo "== Same inputs, same hashes?"
dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --check > "$results/capikit-hashes.jsonl"
node node/bench.js --check > "$results/node-hashes.jsonl"
node compare.js hashes "$results/capikit-hashes.jsonl" "$results/node-hashes.jsonl" | tee "$results/hashes.md"

echo "== Meta's Node SDK and CapiKit in alternating rounds (${ROUNDS:-5} each), so both see the same machine"
: > "$results/rounds.jsonl"
for round in $(seq 1 "${ROUNDS:-5}"); do
  BATCHES="${BATCHES:-20}" node node/bench.js | tee -a "$results/rounds.jsonl"
  BATCHES="${BATCHES:-20}" dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --throughput | tee -a "$results/rounds.jsonl"
done
grep '"sdk"' "$results/rounds.jsonl" | tail -1 > "$results/node.json"

echo "== CapiKit (BenchmarkDotNet): pipeline, generator against System.Text.Json's, analyzers against the SDK's"
dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --filter '*' --exporters github --artifacts "$results/bdn"
dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --regenerated | tee "$results/regenerated.md"
cat "$results"/bdn/results/*GeneratorBenchmarks-report-github.md "$results"/bdn/results/*AnalyzerBenchmarks-report-github.md

echo "== Ratios"
node compare.js ratio "$(ls "$results"/bdn/results/*PipelineBenchmarks-report-github.md)" "$results/node.json" "$results/rounds.jsonl" \
  "$(ls "$results"/bdn/results/*HashingBenchmarks-report-github.md)" | tee "$results/ratios.md"
