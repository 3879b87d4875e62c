#!/usr/bin/env bash
# Runs every benchmark and its reference side by side: CapiKit's event pipeline, Meta's official Node.js SDK doing
# the same job on the same seeded inputs (in alternating rounds, ROUNDS=5 by default), the SHA-256 floor and the
# cost of hashing one value; the other side of the ledger: the generator's and analyzers' own time (1,000 generated
# files, and the real samples/Checkout project) and `capi hash --jsonl` throughput. Results go to benchmarks/results/.
#   bash benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")"
results="$PWD/results"
mkdir -p "$results"

(cd node && npm ci --no-audit --no-fund --silent)
dotnet build CapiKit.Benchmarks -c Release -nologo -v:q
dotnet build ../src/CapiKit.Cli -c Release -nologo -v:q
dotnet build ../src/CapiKit.AspNetCore -c Release -nologo -v:q
dotnet build ../src/CapiKit.Testing -c Release -nologo -v:q

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
dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --filter '*' --exporters github --artifacts "$results/bdn" --buildTimeout 900
dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --regenerated | tee "$results/regenerated.md"
cat "$results"/bdn/results/*GeneratorBenchmarks-report-github.md "$results"/bdn/results/*AnalyzerBenchmarks-report-github.md
# The analyzers' own execution time (telemetry, binding excluded), which each benchmark process prints at its end.
grep -h '^Analyzer execution time' "$(ls -t "$results"/bdn/*.log | head -1)" | tee "$results/analyzer-telemetry.md" \
  || echo "no 'Analyzer execution time' line in the BenchmarkDotNet log"

echo "== The generator and the analyzers on a real project"
dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --realistic | tee "$results/realistic.md"

echo "== capi hash --jsonl on ${JSONL_LINES:-100000} seeded lines (the benchmark customers' nine hashed keys, region US)"
capi=(dotnet ../src/CapiKit.Cli/bin/Release/net10.0/capi.dll hash --jsonl --region US)
dotnet run -c Release --no-build --project CapiKit.Benchmarks -- --jsonl-input "${JSONL_LINES:-100000}" > "$results/jsonl-input.jsonl"
head -1 "$results/jsonl-input.jsonl" > "$results/jsonl-one.jsonl"
"${capi[@]}" < "$results/jsonl-one.jsonl" > /dev/null
started=$(date +%s%N); "${capi[@]}" < "$results/jsonl-one.jsonl" > /dev/null; one=$(( $(date +%s%N) - started ))
started=$(date +%s%N); "${capi[@]}" < "$results/jsonl-input.jsonl" > "$results/jsonl-output.jsonl"; all=$(( $(date +%s%N) - started ))
lines=$(wc -l < "$results/jsonl-output.jsonl")
node -e '
  const [lines, all, one] = process.argv.slice(1).map(Number);
  const f = n => Math.round(n).toLocaleString("en-US");
  console.log(`capi hash --jsonl: ${f(lines / (all / 1e9))} lines/s over ${f(lines)} lines (${(all / 1e9).toFixed(2)} s, of which ${(one / 1e9).toFixed(2)} s is starting the process for one line); ${f(lines / ((all - one) / 1e9))} lines/s after start-up`);
' "$lines" "$all" "$one" | tee "$results/jsonl.md"

echo "== Ratios"
node compare.js ratio "$(ls "$results"/bdn/results/*PipelineBenchmarks-report-github.md)" "$results/node.json" "$results/rounds.jsonl" \
  "$(ls "$results"/bdn/results/*HashingBenchmarks-report-github.md)" | tee "$results/ratios.md"
