#!/usr/bin/env node
// Generates data/actors/countries.txt from the npm package world-countries (5.x).
// Each country's coord line is the package's latlng (a representative point).
// Usage (from the repository root):
//   mkdir -p /tmp/wc && (cd /tmp/wc && npm init -y && npm install world-countries@5)
//   NODE_PATH=/tmp/wc/node_modules node tools/countries2annals.js \
//     [path/to/Phoenix.Countries.actors.txt] > data/actors/countries.txt
'use strict';
const fs = require('fs');
const G = require('./geo-common');
const countries = require('world-countries');
const pkgVersion = require('world-countries/package.json').version;

// Curated additions: aliases, abbreviations (case-sensitive), demonyms.
const EXTRA = {
  USA: { alias: ['America', 'United States of America'], abbr: ['U.S.', 'US', 'USA', 'U.S.A.'], demonym: ['American', 'Americans'] },
  GBR: { alias: ['Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'], abbr: ['U.K.', 'UK'], demonym: ['British', 'Briton', 'Britons'] },
  ARE: { alias: ['Emirates', 'United Arab Emirates'], abbr: ['UAE', 'U.A.E.'], demonym: ['Emirati', 'Emiratis'] },
  SAU: { alias: ['Kingdom of Saudi Arabia'], drop: ['Saudi'], abbr: ['KSA'], demonym: ['Saudi', 'Saudis', 'Saudi Arabian', 'Saudi Arabians'] },
  PRK: { alias: ["Democratic People's Republic of Korea"], abbr: ['DPRK'], demonym: ['North Korean', 'North Koreans'] },
  KOR: { alias: ['Republic of Korea'], abbr: ['ROK'], demonym: ['South Korean', 'South Koreans'] },
  ISR: { alias: ['State of Israel', 'Jewish state', 'Zionist entity', 'Zionist regime', 'Hebrew state'], demonym: ['Israeli', 'Israelis', 'Zionist', 'Zionists'] },
  PSE: { alias: ['State of Palestine', 'Palestinian territories', 'Occupied Palestinian Territories', 'Occupied Palestinian Territory', 'Palestinian Territory'], demonym: ['Palestinian', 'Palestinians'] },
  IRN: { alias: ['Persia', 'Islamic Republic of Iran', 'Islamic Republic'], demonym: ['Iranian', 'Iranians'] },
  TUR: { alias: ['Türkiye', 'Turkiye', 'Republic of Turkey', 'Republic of Türkiye'], demonym: ['Turkish', 'Turk', 'Turks'] },
  SYR: { alias: ['Syrian Arab Republic'], demonym: ['Syrian', 'Syrians'] },
  IRQ: { alias: ['Republic of Iraq'], demonym: ['Iraqi', 'Iraqis'] },
  LBN: { alias: ['Lebanese Republic'], demonym: ['Lebanese'] },
  JOR: { alias: ['Hashemite Kingdom of Jordan'], demonym: ['Jordanian', 'Jordanians'] },
  EGY: { alias: ['Arab Republic of Egypt'], demonym: ['Egyptian', 'Egyptians'] },
  YEM: { alias: ['Republic of Yemen'], demonym: ['Yemeni', 'Yemenis', 'Yemenite'] },
  AFG: { alias: ['Islamic Emirate of Afghanistan', 'Islamic Republic of Afghanistan'], demonym: ['Afghan', 'Afghans'] },
  RUS: { alias: ['Russian Federation'], demonym: ['Russian', 'Russians'] },
  CHN: { alias: ["People's Republic of China", 'Mainland China'], abbr: ['PRC'], demonym: ['Chinese'] },
  TWN: { alias: ['Republic of China'], abbr: ['ROC'], demonym: ['Taiwanese'] },
  NLD: { alias: ['Holland', 'The Netherlands'], demonym: ['Dutch'] },
  MMR: { alias: ['Burma'], demonym: ['Burmese'] },
  COD: { alias: ['DR Congo', 'Democratic Republic of Congo', 'Congo', 'Congo-Kinshasa'], abbr: ['DRC'], demonym: ['Congolese'] },
  COG: { alias: ['Congo-Brazzaville', 'Republic of Congo'], drop: ['Congo'] },
  CIV: { alias: ["Côte d'Ivoire", "Cote d'Ivoire"], demonym: ['Ivorian', 'Ivorians'] },
  CZE: { alias: ['Czechia'], demonym: ['Czech', 'Czechs'] },
  MKD: { alias: ['North Macedonia', 'Macedonia'], demonym: ['Macedonian', 'Macedonians'] },
  VAT: { alias: ['Holy See', 'Vatican'] },
  DNK: { demonym: ['Danish', 'Dane', 'Danes'] },
  SWE: { demonym: ['Swedish', 'Swede', 'Swedes'] },
  FIN: { demonym: ['Finnish', 'Finn', 'Finns'] },
  ESP: { demonym: ['Spanish', 'Spaniard', 'Spaniards'] },
  PHL: { demonym: ['Filipino', 'Filipinos', 'Philippine'] },
  DEU: { alias: ['Federal Republic of Germany'], demonym: ['German', 'Germans'] },
  FRA: { alias: ['French Republic'], demonym: ['French', 'Frenchman', 'Frenchmen'] },
  BHR: { alias: ['Kingdom of Bahrain'], demonym: ['Bahraini', 'Bahrainis'] },
  QAT: { alias: ['State of Qatar'], demonym: ['Qatari', 'Qataris'] },
  KWT: { alias: ['State of Kuwait'], demonym: ['Kuwaiti', 'Kuwaitis'] },
  OMN: { alias: ['Sultanate of Oman'], demonym: ['Omani', 'Omanis'] },
  LBY: { alias: ['State of Libya'], demonym: ['Libyan', 'Libyans'] },
  PAK: { alias: ['Islamic Republic of Pakistan'], demonym: ['Pakistani', 'Pakistanis'] },
  UNK: { alias: ['Republic of Kosovo'], demonym: ['Kosovar', 'Kosovars', 'Kosovan'] },
  TLS: { alias: ['East Timor'], drop: ['Timor'] },
  SWZ: { alias: ['Swaziland'] },
  CPV: { alias: ['Cabo Verde'], demonym: ['Cape Verdean', 'Cape Verdeans'] },
  GEO: { note: 'also a U.S. state and a given name' },
  JEY: { note: 'also a U.S. state name (New Jersey) component' },
  TCD: { note: 'also a given name' },
};

// Skip demonyms that are ordinary words or would mislead.
const DEMONYM_SKIP = new Set(['Vatican', 'Cape Verdian', 'Maldivan', 'Channel Islander',
  'American Islander', 'Heard Islander', 'Gibraltar']);
// altSpellings that are ordinary words or given names
const ALIAS_DROP = new Set(['Island', 'Dominique', 'Helvetia', 'Mamallaqta']);

function pluralOf(d) {
  if (/(ese|ish|ch|ss|sh|z|x|s)$/i.test(d)) return null;
  if (/[nirkoq]$/.test(d) || /ue$/.test(d) || /er$/.test(d)) return d + 's';
  return null;
}

function isLatin(s) { return /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{M}\p{S}]+$/u.test(s); }

// Official-style names from the Phoenix country blocks ("STATE_OF_ISRAEL").
function phoenixNames(path) {
  const out = {};
  if (!path || !fs.existsSync(path)) return out;
  const lines = fs.readFileSync(path, 'utf8').split('\n');
  let cur = null;
  for (const raw of lines) {
    const line = raw.replace(/\s+#.*$/, '').replace(/\{[^}]*\}/g, '');
    const m = line.match(/^([A-Z][^\s\[]*)\s*\[([A-Z]{3})\]\s*$/);
    if (m) { cur = m[2]; continue; }
    if (/^\+/.test(line) && cur) {
      const n = line.slice(1).trim().replace(/_+$/, '').replace(/_/g, ' ');
      if (/^(REPUBLIC|STATE|KINGDOM|ISLAMIC|FEDERAL|DEMOCRATIC|PEOPLE|SULTANATE|PRINCIPALITY|COMMONWEALTH|GRAND DUCHY|EMIRATE|FEDERATION|HASHEMITE|SOCIALIST|UNITED|INDEPENDENT|UNION|CO-OPERATIVE|ORIENTAL) .* ?OF /.test(n) || /^(REPUBLIC|STATE|KINGDOM|SULTANATE|PRINCIPALITY|FEDERATION) OF /.test(n))
        (out[cur] = out[cur] || []).push(titleCase(n));
      continue;
    }
    if (!/^\s*$/.test(line) && !/^\+/.test(line)) cur = null;
  }
  return out;
}

const SMALL = new Set(['of', 'the', 'and', 'de', 'la', 'du', 'des']);
function titleCase(s) {
  return s.toLowerCase().split(' ').map((w, i) => (i > 0 && SMALL.has(w)) ? w :
    w.replace(/(^|[-'])([a-z])/g, (a, p, c) => p + c.toUpperCase())).join(' ');
}

function main() {
  const phoenix = phoenixNames(process.argv[2]);
  const list = countries.slice().sort((a, b) =>
    ((b.independent === true) - (a.independent === true)) || (b.area - a.area));
  const caps = {};
  for (const c of G.capitals(countries)) caps[c.cca3] = c;
  const usedDemonym = new Set();
  const usedAlias = new Set();
  const entries = [];
  for (const c of list) {
    const ex = EXTRA[c.cca3] || {};
    const name = G.countryName(c);
    const id = G.countryId(c);
    const alias = [], abbr = [], demonym = [];
    const seen = new Set([G.fold(name).toLowerCase()]);
    const addAlias = (a) => {
      a = a.trim();
      if (!a || !isLatin(a) || /,/.test(a) || (ex.drop || []).includes(a) || ALIAS_DROP.has(a)) return;
      if (/^[A-Z]{2,3}$/.test(a)) return; // codes: only via curated abbr
      const k = G.fold(a).toLowerCase();
      if (seen.has(k) || usedAlias.has(k)) return;
      seen.add(k); alias.push(a);
    };
    for (const a of ex.alias || []) addAlias(a);
    if (c.name.common !== name) addAlias(c.name.common);
    addAlias(c.name.official);
    for (const a of c.altSpellings || []) addAlias(a);
    for (const a of phoenix[G.cameoCode(c)] || []) addAlias(a);
    for (const a of alias) usedAlias.add(G.fold(a).toLowerCase());
    usedAlias.add(G.fold(name).toLowerCase());
    for (const a of ex.abbr || []) abbr.push(a);
    const dems = (ex.demonym || []).slice();
    const d = c.demonyms && c.demonyms.eng && c.demonyms.eng.m;
    if (d && !DEMONYM_SKIP.has(d) && !dems.includes(d)) {
      dems.push(d);
      const p = pluralOf(d);
      if (p && !dems.includes(p)) dems.push(p);
    }
    if (ex.demonym && ex.demonym.includes('French')) {/* curated */}
    for (const x of dems) {
      const k = x.toLowerCase();
      if (usedDemonym.has(k) || (DEMONYM_SKIP.has(x) && !(ex.demonym || []).includes(x))) continue;
      usedDemonym.add(k); demonym.push(x);
    }
    entries.push({ c, id, name, alias, abbr, demonym, cap: caps[c.cca3], note: ex.note });
  }
  entries.sort((a, b) => a.id.localeCompare(b.id));
  const out = [];
  out.push('# countries.txt: every country and territory of world-countries ' + pkgVersion + ' (ODbL 1.0,');
  out.push('# https://github.com/mledoze/countries), with CAMEO codes, curated aliases,');
  out.push('# abbreviations and demonyms, and official-style names from the Phoenix dictionaries (MIT).');
  out.push('# Coordinates (coord LAT LON): the package\'s latlng, a representative point of each country.');
  out.push('# Generated file: edit tools/countries2annals.js, then regenerate with');
  out.push('#   NODE_PATH=/tmp/wc/node_modules node tools/countries2annals.js \\');
  out.push('#     ../shared/reference/cameo/Phoenix.Countries.actors.txt > data/actors/countries.txt');
  out.push('');
  for (const e of entries) {
    out.push(`${e.id.padEnd(40)} country       ${G.cameoCode(e.c).padEnd(10)} ${G.isoCode(e.c)}`);
    out.push(`  name    ${e.name}`);
    for (const a of e.alias) out.push(`  alias   ${a}`);
    for (const a of e.abbr) out.push(`  abbr    ${a}`);
    for (const a of e.demonym) out.push(`  demonym ${a}`);
    if (e.cap) out.push(`  capital ${e.cap.id}`);
    if (e.note) out.push(`  note    ${e.note}`);
    if (e.c.latlng && e.c.latlng.length === 2) out.push(`  coord   ${G.coord(e.c.latlng[0], e.c.latlng[1])}`);
    out.push('  source  world-countries');
    out.push('');
  }
  process.stdout.write(out.join('\n'));
}
main();
