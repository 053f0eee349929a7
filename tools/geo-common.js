// Shared helpers for countries2annals.js and cities2annals.js.
'use strict';

function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[ʻʼʽ‘’`´]/g, "'").replace(/ı/g, 'i').replace(/[ḩḨ]/g, 'h')
    .replace(/đ/g, 'd').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss').replace(/œ/g, 'oe');
}

function slug(s) {
  return fold(s).toLowerCase().replace(/&/g, ' and ').replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

// Country ids: slug of the common English name, with a few overrides where
// news usage differs from the package's common name.
const NAME_OVERRIDE = {
  TUR: 'Turkey', CZE: 'Czech Republic', COD: 'Democratic Republic of the Congo',
  COG: 'Republic of the Congo', SWZ: 'Eswatini', CPV: 'Cape Verde',
};

function countryName(c) { return NAME_OVERRIDE[c.cca3] || c.name.common; }
function countryId(c) { return slug(countryName(c)); }

// CAMEO country codes: ISO-3 except where the CAMEO/Phoenix dictionaries differ.
const CAMEO_OVERRIDE = { UNK: 'KSV' };
// ISO-3 for entries the package lists with a non-ISO code.
const ISO_OVERRIDE = { UNK: 'XKX' };
function cameoCode(c) { return CAMEO_OVERRIDE[c.cca3] || c.cca3; }
function isoCode(c) { return ISO_OVERRIDE[c.cca3] || c.cca3; }

// Capitals that are skipped: city-states (the city is the country), capitals
// whose name is an ordinary English word or a common personal name.
const CAPITAL_SKIP = new Set(['Singapore', 'Monaco', 'Vatican City', 'City of Victoria',
  'The Valley', 'Malé', 'Stanley', 'Hamilton', 'Victoria', 'Kingston', 'West Island',
  'Flying Fish Cove', 'King Edward Point', 'Gibraltar', 'Adamstown', 'Plymouth',
  'Jamestown', 'Port-aux-Français', 'Alofi', 'Fakaofo', 'Saint-Pierre', 'Mata-Utu',
  'Longyearbyen', 'Avarua', 'Kralendijk', 'Marigot', 'Gustavia', 'Philipsburg',
  'Road Town', 'Charlotte Amalie', 'Cockburn Town', 'George Town', 'Mariehamn',
  'Saint Helier', 'St. Peter Port', 'Douglas', 'Torshavn', 'Tórshavn', 'Nuuk',
  'Hagåtña', 'Saipan', 'Pago Pago', 'Basse-Terre', 'Fort-de-France', 'Cayenne',
  'Saint-Denis', 'Mamoudzou', 'Nouméa', 'Papeetē', 'Papeete', 'El Aaiún',
]);
// Capital display names and extra aliases.
const CAPITAL_FIX = {
  'Washington D.C.': { name: 'Washington', id: 'washington-dc', alias: ['Washington, D.C.', 'Washington D.C.', 'Washington DC'] },
  "Sana'a": { name: 'Sanaa', alias: ["Sana'a", 'Sana'] },
  'Jerusalem': { name: 'Jerusalem', id: 'jerusalem' },
  'Kuwait City': { name: 'Kuwait City' },
  'Mexico City': { name: 'Mexico City' },
  'Naypyidaw': { name: 'Naypyidaw', alias: ['Nay Pyi Taw', 'Naypyitaw'] },
  'Luxembourg': { name: 'Luxembourg City', id: 'luxembourg-city' },
  'Djibouti': { name: 'Djibouti City', id: 'djibouti-city' },
  'San Marino': { name: 'City of San Marino', id: 'city-of-san-marino' },
  'City of San Marino': { name: 'City of San Marino', id: 'city-of-san-marino' },
  'Andorra la Vella': { name: 'Andorra la Vella' },
  'Guatemala City': { name: 'Guatemala City' },
  'Panama City': { name: 'Panama City' },
  'Tripoli': { name: 'Tripoli', id: 'tripoli' },
  'Beirut': { name: 'Beirut', alias: ['Beyrouth'] },
  'Tehran': { name: 'Tehran', alias: ['Teheran'] },
  'Kyiv': { name: 'Kyiv', alias: ['Kiev'] },
  'Ankara': { name: 'Ankara' },
  'Abu Dhabi': { name: 'Abu Dhabi' },
  'Manama': { name: 'Manama' },
  'Muscat': { name: 'Muscat' },
  'Doha': { name: 'Doha' },
  'Amman': { name: 'Amman' },
  'Riyadh': { name: 'Riyadh', alias: ['Riyad'] },
  'Baghdad': { name: 'Baghdad' },
  'Damascus': { name: 'Damascus' },
  'Ramallah': { name: 'Ramallah' },
  'Cairo': { name: 'Cairo' },
  'Kabul': { name: 'Kabul' },
  'Islamabad': { name: 'Islamabad' },
  'Beijing': { name: 'Beijing', alias: ['Peking'] },
  'New Delhi': { name: 'New Delhi' },
  'Yangon': { name: 'Yangon', alias: ['Rangoon'] },
};

// Returns [{cca3, countryId, id, name, alias[]}] for the capitals that get a
// place entry; ids are unique (suffix the country slug on collision).
function capitals(countries) {
  const out = [];
  const countryIds = new Set(countries.map(countryId));
  for (const c of countries) {
    const cap = (c.capital || [])[0];
    if (!cap || CAPITAL_SKIP.has(cap)) continue;
    const fix = CAPITAL_FIX[cap] || {};
    const name = fix.name || cap;
    let id = fix.id || slug(name);
    if (countryIds.has(id)) id = id + '-city';
    const alias = (fix.alias || []).slice();
    const fn = fold(name);
    if (fn !== name && !alias.includes(fn)) alias.push(fn);
    if (cap !== name && !alias.includes(cap)) alias.push(cap);
    out.push({ cca3: c.cca3, cca2: c.cca2, countryId: countryId(c), id, name, alias, independent: c.independent });
  }
  // disambiguate duplicate ids (dependent territories get the suffix)
  const byId = {};
  for (const x of out) (byId[x.id] = byId[x.id] || []).push(x);
  for (const id of Object.keys(byId)) {
    const xs = byId[id];
    if (xs.length < 2) continue;
    xs.sort((a, b) => (b.independent === true) - (a.independent === true));
    for (const x of xs.slice(1)) x.id = id + '-' + x.countryId;
  }
  return out;
}

// "LAT LON" for a coord line: decimal degrees rounded to 4 places (about 10 m),
// trailing zeros dropped.
function coord(lat, lon) {
  const f = (x) => String(Number(x.toFixed(4)) || 0);
  return f(lat) + ' ' + f(lon);
}

module.exports = { fold, slug, countryId, countryName, cameoCode, isoCode, capitals, coord };
