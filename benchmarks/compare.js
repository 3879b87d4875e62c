'use strict';
// Compares the hashes CapiKit and Meta's Node SDK produce for the same raw inputs, and prints the speed ratio.
//   node compare.js hashes <capikit.jsonl> <node.jsonl>
//   node compare.js ratio <BenchmarkDotNet pipeline report.md> <node-result.json> [<rounds.jsonl> [<hashing report.md>]]
const fs = require('fs');

function lines(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter(l => l.startsWith('{')).map(l => JSON.parse(l));
}

function hashes(capikitFile, nodeFile) {
  const capikit = lines(capikitFile);
  const node = lines(nodeFile);
  console.log('| key | same hash in Meta\'s Node SDK |');
  console.log('|---|---|');
  for (const key of Object.keys(capikit[0])) {
    const same = capikit.filter((c, i) => JSON.stringify(c[key]) === JSON.stringify(node[i][key])).length;
    console.log(`| ${key} | ${same} of ${capikit.length} |`);
  }
}

function nanoseconds(text) {
  const [number, unit] = text.replace(/,/g, '').trim().split(/\s+/);
  const scale = { ns: 1, 'μs': 1e3, us: 1e3, ms: 1e6, s: 1e9 }[unit];
  return Number(number) * scale;
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function table(reportFile) {
  // BenchmarkDotNet's GitHub-flavoured table: | Method | Mean | Error | ... | Allocated | ...
  const rows = fs.readFileSync(reportFile, 'utf8').split('\n').filter(l => l.startsWith('|')).map(l => l.split('|').slice(1, -1).map(c => c.trim()));
  const [header, , ...body] = rows;
  return body.map(r => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// With a rounds file (run.sh's alternating runs of the Node SDK and CapiKit), events/s are the medians of the
// rounds and each ratio the median of the per-round ratios; allocations and the floor come from BenchmarkDotNet.
function ratio(reportFile, nodeFile, roundsFile, hashingFile) {
  const rows = table(reportFile);
  const floor = nanoseconds(rows.find(r => r.Method === 'Sha256Floor').Mean);
  const nodeRuns = lines(nodeFile).filter(l => l.sdk);
  const rounds = roundsFile ? lines(roundsFile) : [];
  const nodeRounds = rounds.filter(l => l.sdk);
  const capikitRounds = rounds.filter(l => l.capikit !== undefined);
  const node = nodeRuns[nodeRuns.length - 1];
  const nodeEventsPerSecond = nodeRounds.length ? median(nodeRounds.map(r => r.eventsPerSecond)) : node.eventsPerSecond;
  if (capikitRounds.length) {
    console.log(`Alternating rounds (${Math.min(nodeRounds.length, capikitRounds.length)}), events/s:`);
    capikitRounds.forEach((c, i) => {
      const n = nodeRounds[i].eventsPerSecond;
      console.log(`  round ${i + 1}: Node SDK ${Math.round(n).toLocaleString('en-US')}, ` + Object.entries(c.eventsPerSecond)
        .map(([name, e]) => `${name} ${Math.round(e).toLocaleString('en-US')} (${(e / n).toFixed(1)}x)`).join(', '));
    });
  }

  if (hashingFile) {
    const hashing = table(hashingFile);
    console.log('Hashing per value: ' + hashing.map(r => `${r.Method} ${r.Mean}`).join(', '));
  }

  console.log(`Meta's Node SDK (${node.sdk}, Node ${node.node}): ${Math.round(nodeEventsPerSecond).toLocaleString('en-US')} events/s` +
    (nodeRounds.length ? ` (median of ${nodeRounds.length} rounds)` : ''));
  for (const row of rows) {
    const perEvent = nanoseconds(row.Mean);
    let eventsPerSecond = 1e9 / perEvent;
    let times = eventsPerSecond / nodeEventsPerSecond;
    if (capikitRounds.length && capikitRounds[0].eventsPerSecond[row.Method] !== undefined) {
      eventsPerSecond = median(capikitRounds.map(c => c.eventsPerSecond[row.Method]));
      times = median(capikitRounds.map((c, i) => c.eventsPerSecond[row.Method] / nodeRounds[i].eventsPerSecond));
    }

    console.log(`${row.Method}: ${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s, ` +
      `${times.toFixed(1)}x Meta's Node SDK, ${(perEvent / floor).toFixed(2)}x the SHA-256 floor, ${row.Allocated} allocated per event`);
  }
}

const [mode, ...files] = process.argv.slice(2);
(mode === 'hashes' ? hashes : ratio)(...files);
