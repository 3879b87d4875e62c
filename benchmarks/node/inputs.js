'use strict';
// The benchmark's customers, generated from a seed. benchmarks/CapiKit.Benchmarks/Inputs.cs implements the same
// generator step for step, so both sides hash the same raw values.
const FIRST = ['Mary', 'John', 'Valery', 'Anna', 'Lucas', 'Sofia', 'Noah', 'Emma'];
const LAST = ['Smith', 'Major', 'Garcia', 'Nguyen', 'Kowalski', 'Rossi', 'Tanaka', 'Muller'];
const CITIES = ['New York', 'San Francisco', 'Palo Alto', 'Austin'];
const STATES = ['NY', 'CA', 'CA', 'TX'];

function* customers(count, seed = 20261126) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  for (let i = 0; i < count; i++) {
    const r = next();
    const first = FIRST[r % 8];
    const last = LAST[(r >>> 8) % 8];
    const place = (r >>> 4) % 4;
    yield {
      index: i,
      email: `  ${first}.${last}${r % 1000}@Example.COM `,
      phone: `+1 (650) 555-${String(r % 10000).padStart(4, '0')}`,
      firstName: first,
      lastName: last,
      city: CITIES[place],
      state: STATES[place],
      zip: String(10000 + (r % 89999)),
      country: 'US',
      externalId: `cust-${r}`,
      ip: `203.0.${(r >>> 16) & 255}.${r & 255}`,
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
      fbc: `fb.1.1554763741205.AbCdEf${r}`,
      fbp: `fb.1.1558571054389.${r}`,
      value: (r % 100000) / 100,
      items: [0, 1, 2].map(k => ({ id: `sku-${(r + k) % 50}`, quantity: k + 1, price: ((r >>> k) % 5000) / 100 })),
      orderId: `order-${i}`,
      eventId: `evt-${i}`,
      url: `https://shop.example/checkout/${i}`,
    };
  }
}

module.exports = { customers };
