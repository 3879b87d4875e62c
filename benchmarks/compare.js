'use strict';
// Compares the hashes CapiKit and Meta's Node SDK produce for the same raw inputs, and prints the speed ratio.
//   node compare.js hashes <capikit.jsonl> <node.jsonl>
//   node compare.js ratio <BenchmarkDotNet report.csv> <node-result.json>
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

function ratio(reportFile, nodeFile) {
  // BenchmarkDotNet's GitHub-flavoured table: | Method | Mean | Error | ... | Allocated | ...
  const table = fs.readFileSync(reportFile, 'utf8').split('\n').filter(l => l.startsWith('|')).map(l => l.split('|').slice(1, -1).map(c => c.trim()));
  const [header, , ...rows] = table;
  const method = header.indexOf('Method');
  const mean = header.indexOf('Mean');
  const allocated = header.indexOf('Allocated');
  const node = JSON.parse(fs.readFileSync(nodeFile, 'utf8').trim().split('\n').pop());
  const floor = nanoseconds(rows.find(r => r[method] === 'Sha256Floor')[mean]);
  console.log(`Meta's Node SDK (${node.sdk}, Node ${node.node}): ${Math.round(node.eventsPerSecond).toLocaleString('en-US')} events/s`);
  for (const row of rows) {
    const perEvent = nanoseconds(row[mean]);
    const eventsPerSecond = 1e9 / perEvent;
    console.log(`${row[method]}: ${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s, ` +
      `${(eventsPerSecond / node.eventsPerSecond).toFixed(1)}x Meta's Node SDK, ${(perEvent / floor).toFixed(2)}x the SHA-256 floor, ${row[allocated]} allocated per event`);
  }
}

const [mode, a, b] = process.argv.slice(2);
(mode === 'hashes' ? hashes : ratio)(a, b);
