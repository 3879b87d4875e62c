'use strict';
// Meta's official Node.js SDK doing the benchmark's job: build Purchase events from raw customer data, let the SDK
// normalize and hash them, and produce the request body for batches of 1,000. The SDK's HttpServiceInterface hook
// captures the body, so nothing leaves the machine.
//   node bench.js            events per second
//   node bench.js --check    the hashes of the first events, as JSON lines, to compare with CapiKit's
const bizSdk = require('facebook-nodejs-business-sdk');
const { customers } = require('./inputs');
const { ServerEvent, UserData, CustomData, Content, EventRequest } = bizSdk;

class CapturingHttpService {
  executeRequest(url, method, headers, params) {
    this.body = JSON.stringify(params);
    return Promise.resolve({ events_received: params.data.length });
  }
}

function buildEvent(c, now) {
  const user = new UserData()
    .setEmail(c.email).setPhone(c.phone).setFirstName(c.firstName).setLastName(c.lastName)
    .setCity(c.city).setState(c.state).setZip(c.zip).setCountry(c.country).setExternalId(c.externalId)
    .setClientIpAddress(c.ip).setClientUserAgent(c.userAgent).setFbc(c.fbc).setFbp(c.fbp);
  const data = new CustomData()
    .setValue(c.value).setCurrency('usd').setOrderId(c.orderId)
    .setContents(c.items.map(item => new Content().setId(item.id).setQuantity(item.quantity).setItemPrice(item.price)));
  return new ServerEvent()
    .setEventName('Purchase').setEventTime(now).setEventId(c.eventId).setEventSourceUrl(c.url)
    .setActionSource('website').setUserData(user).setCustomData(data);
}

async function batch(inputs, now) {
  const http = new CapturingHttpService();
  const request = new EventRequest('benchmark-token', '1234567890')
    .setEvents(inputs.map(c => buildEvent(c, now)))
    .setHttpService(http);
  await request.execute();
  return http.body;
}

async function main() {
  const now = Math.floor(Date.now() / 1000);
  if (process.argv.includes('--check')) {
    const inputs = [...customers(50)];
    const body = JSON.parse(await batch(inputs, now));
    for (const event of body.data) {
      const u = event.user_data;
      console.log(JSON.stringify({ em: u.em, ph: u.ph, fn: u.fn, ln: u.ln, ct: u.ct, st: u.st, zp: u.zp, country: u.country, external_id: u.external_id }));
    }
    return;
  }

  const batchSize = 1000;
  const batches = Number(process.env.BATCHES || 20);
  const inputs = [...customers(batchSize)];
  for (let i = 0; i < 3; i++) await batch(inputs, now); // warm-up
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < batches; i++) bytes += (await batch(inputs, now)).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const eventsPerSecond = (batches * batchSize) / seconds;
  console.log(JSON.stringify({ sdk: 'facebook-nodejs-business-sdk@24.0.1', node: process.version, events: batches * batchSize, seconds, eventsPerSecond, bodyBytes: bytes / batches }));
}

main().catch(e => { console.error(e); process.exit(1); });
