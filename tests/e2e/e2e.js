#!/usr/bin/env node
/*
 * e2e.js: the page of annals serve in headless Chromium (the machine's
 * /usr/bin/chromium, driven by playwright-core from web/node_modules).
 * Usage: node tests/e2e/e2e.js URL ARTIFACT-DIR. The server behind URL holds
 * the bundled sample articles and tests/e2e/hostile.jsonl. It searches an
 * actor, opens its page, adds it to the timeline, clicks an event and checks
 * that the highlighted text is the event's sentence, byte for byte; then
 * opens the hostile document's evidence (markup, scripts, event handlers in
 * its text and title) and checks that no script ran, no dialog opened, no
 * element came from the text and the text shows literally. No check waits
 * on a clock: each waits for an element or a text. Screenshots go to
 * ARTIFACT-DIR. Prints "e2e: N passed, M failed"; exits 1 on a failure or
 * when Chromium is missing.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const [url, art] = process.argv.slice(2);
const EXE = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

let pass = 0;
let fail = 0;
const errors = []; /* page errors and console errors */
let failShot = null; /* takes a screenshot of a failure */
function ok(cond, what, detail) {
  if (cond) pass++;
  else {
    fail++;
    console.error('e2e: FAIL: ' + what + (detail !== undefined ? ': ' + JSON.stringify(detail).slice(0, 400) : ''));
  }
}

async function main() {
  if (!url || !art) {
    console.error('usage: node tests/e2e/e2e.js URL ARTIFACT-DIR');
    process.exit(2);
  }
  if (!fs.existsSync(EXE)) {
    console.error('e2e: FAIL: no Chromium at ' + EXE + ' (make deps installs the chromium package)');
    process.exit(1);
  }
  let pw;
  try {
    pw = require(path.join(ROOT, 'web', 'node_modules', 'playwright-core'));
  } catch (e) {
    console.error('e2e: FAIL: playwright-core is not installed (make web): ' + e.message);
    process.exit(1);
  }
  fs.mkdirSync(art, { recursive: true });
  const browser = await pw.chromium.launch({ executablePath: EXE, args: FLAGS, headless: true });
  try {
    await run(browser);
  } catch (e) {
    if (failShot) await failShot().catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function run(browser) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(20000);
  const dialogs = [];
  failShot = () => page.screenshot({ path: path.join(art, 'failure.png') });
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push('console: ' + m.text() + ' at ' + JSON.stringify(m.location()));
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' +
        e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));
  });
  const shot = (name) => page.screenshot({ path: path.join(art, name) });
  const api = (p) => page.evaluate((q) => fetch('/api/' + q).then((r) => r.json()), p);
  const markText = () => page.$eval('#evidence mark#hl', (m) => m.textContent);

  /* the page and the network */
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForFunction(() => /actors/.test(document.getElementById('net-status').textContent));
  ok(await page.$('#graph canvas'), 'the network is drawn');
  ok(/documents/.test(await page.textContent('#stats')), 'the counts show');
  await shot('01-network.png');

  /* search an actor, open its page */
  await page.fill('#search', 'Soleimani');
  await page.press('#search', 'Enter');
  const hit = page.locator('#results li.entity-hit', { hasText: 'Qasem Soleimani' }).first();
  await hit.waitFor();
  ok(await page.locator('#results li.sentence-hit').count() > 0, 'search finds sentences');
  await shot('02-search.png');
  await hit.click();
  await page.waitForFunction(() => /Soleimani/.test((document.getElementById('entity-name') || {}).textContent));
  const entity = await page.textContent('#entity');
  ok(/Roles over time/.test(entity) && /commander/.test(entity), 'the entity page shows roles', entity.slice(0, 200));
  ok(/Qassem Soleimani/.test(entity), 'the entity page shows aliases');
  ok(/Support given/.test(entity) && /Quotations/.test(entity), 'the entity page shows support and quotations');
  await shot('03-entity.png');

  /* the timeline of its events */
  await page.click('#add-timeline');
  await page.locator('#timeline .vis-item').first().waitFor();
  ok(await page.locator('#timeline .vis-item').count() > 0, 'the timeline shows events');
  ok(/Qasem Soleimani/.test(await page.textContent('#selected')), 'the actor is selected');
  await shot('04-timeline.png');

  /* click an event: its sentence is highlighted in its document */
  const events = await api('events?actor=qasem-soleimani&limit=100');
  const first = events.items[0];
  await page.locator('#entity li.event').first().click();
  await page.waitForSelector('#evidence mark#hl');
  ok(await markText() === first.text, 'the highlight is the event sentence', [await markText(), first.text]);
  ok(await page.$eval('#evidence mark#hl strong', (s) => s.textContent) === first.trigger.text,
    'the trigger is marked within it');
  await shot('05-evidence.png');

  /* a timeline item opens its evidence too */
  await page.evaluate(() => { document.getElementById('evidence').replaceChildren(); });
  await page.locator('#timeline .vis-item').last().click();
  await page.waitForSelector('#evidence mark#hl');
  ok(/Event/.test(await page.textContent('#evidence')), 'a timeline item opens its evidence');

  /* the hostile document: its event, quotation, title and search hits */
  await page.evaluate(() => { location.hash = 'entity=hamas'; });
  await page.waitForFunction(() => /Hamas/.test((document.getElementById('entity-name') || {}).textContent));
  const hostile = await api('documents/hostile-1');
  const hq = hostile.quotes[0];
  const he = hostile.events[0];
  await page.locator('#entity li.quote', { hasText: 'We will answer' }).first().click();
  await page.waitForFunction(() => /We will answer/.test((document.getElementById('hl') || {}).textContent));
  ok(await markText() === hq.text, 'the quotation is highlighted exactly (non-ASCII marks around it)',
    [await markText(), hq.text]);
  await page.locator('#entity li.event', { hasText: 'onerror' }).first().click();
  await page.waitForFunction(() => /onerror/.test((document.getElementById('hl') || {}).textContent));
  ok(await markText() === he.text, 'the hostile sentence is highlighted exactly', [await markText(), he.text]);
  const shown = await page.textContent('#evidence pre.doc');
  const body = hostile.document.text;
  ok(shown === body, 'the document shows literally, whole');
  ok(shown.includes('<script>window.__pwned = 1; alert(1)</script>') && shown.includes('<img src=x onerror='),
    'markup shows as text');
  ok(/<script>window.__pwned=4<\/script><b>Title<\/b>/.test(await page.textContent('#evidence')),
    'the title shows as text');
  const made = await page.$$eval('#evidence script, #evidence img, #evidence svg, #evidence a, #evidence b, #evidence i',
    (els) => els.map((e) => e.outerHTML));
  ok(made.length === 0, 'no element came from the document', made);
  await shot('06-hostile.png');
  await page.fill('#search', 'onerror');
  await page.press('#search', 'Enter');
  await page.locator('#results li.sentence-hit').first().waitFor();
  ok(/onerror/.test(await page.textContent('#results')), 'search hits show the markup as text');
  ok(await page.$$eval('#results img, #results script, #results svg', (e) => e.length) === 0,
    'no element came from a search hit');

  /* nothing ran, nothing was refused */
  ok(await page.evaluate(() => window.__pwned) === undefined, 'no script from the documents ran');
  ok(dialogs.length === 0, 'no dialog opened', dialogs);
  ok((await page.evaluate(() => window.__csp)).length === 0, 'no Content-Security-Policy violation',
    await page.evaluate(() => window.__csp));
  ok(errors.length === 0, 'no error in the console', errors);
}

main().catch((e) => {
  if (errors.length) console.error('e2e: the page said: ' + errors.join('\n'));
  throw e;
}).then(() => {
  console.log('e2e: ' + pass + ' passed, ' + fail + ' failed');
  process.exit(fail ? 1 : 0);
}, (e) => {
  console.error('e2e: FAIL: ' + (e && e.stack ? e.stack : e));
  console.log('e2e: ' + pass + ' passed, ' + (fail + 1) + ' failed');
  process.exit(1);
});
