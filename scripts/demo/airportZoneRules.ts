/**
 * How each airport of the demo's flights gets its IANA time zone: the flights' `date`
 * is the origin airport's local time without a zone, so the seed's UTC-vs-local serving bug needs
 * a zone per airport to be reproduced. vega-datasets' `data/airports.csv` gives each airport's US
 * state (and city, latitude, longitude); the zone comes from the state, and the airports of
 * states that span two zones are assigned one by one from their county, with the reason written
 * beside each. The zones are the tz database's, read with their 2001 rules (Indiana mostly kept
 * standard time all year then, Arizona still does), so the conversion is right for the data's year.
 */

/** The zone of a state that lies in one zone (or whose other zone holds no airport of the data). */
export const STATE_ZONES: Readonly<Record<string, string>> = {
  AL: 'America/Chicago',
  AR: 'America/Chicago',
  AZ: 'America/Phoenix',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DC: 'America/New_York',
  DE: 'America/New_York',
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  IA: 'America/Chicago',
  IL: 'America/Chicago',
  LA: 'America/Chicago',
  MA: 'America/New_York',
  MD: 'America/New_York',
  ME: 'America/New_York',
  MN: 'America/Chicago',
  MO: 'America/Chicago',
  MS: 'America/Chicago',
  MT: 'America/Denver',
  NC: 'America/New_York',
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NV: 'America/Los_Angeles',
  NY: 'America/New_York',
  OH: 'America/New_York',
  OK: 'America/Chicago',
  PA: 'America/New_York',
  PR: 'America/Puerto_Rico',
  RI: 'America/New_York',
  SC: 'America/New_York',
  UT: 'America/Denver',
  VA: 'America/New_York',
  VI: 'America/St_Thomas',
  VT: 'America/New_York',
  WA: 'America/Los_Angeles',
  WI: 'America/Chicago',
  WV: 'America/New_York',
  WY: 'America/Denver',
};

/**
 * States that span two zones. Their airports in the data are assigned in AIRPORT_ZONES; one
 * that is not makes the build fail rather than guess.
 */
export const SPLIT_STATES: readonly string[] = ['AK', 'FL', 'ID', 'IN', 'KS', 'KY', 'MI', 'ND', 'NE', 'OR', 'SD', 'TN', 'TX'];

/** The airports of split states (and of rows without a state), each with its zone and why. */
export const AIRPORT_ZONES: Readonly<Record<string, { readonly zone: string; readonly reason: string }>> = {
  // Alaska: every airport of the data keeps Alaska time; only the western Aleutians (Adak, not in the data) do not.
  ...sameZone(
    ['ADQ', 'AKN', 'ANC', 'BET', 'BRW', 'CDV', 'DLG', 'DUT', 'FAI', 'GST', 'JNU', 'KTN', 'OME', 'OTZ', 'PSG', 'SCC', 'SIT', 'WRG', 'YAK'],
    'America/Anchorage',
    'Alaska time (east of the Aleutian zone at 169.5 W)',
  ),
  // Florida: the panhandle west of the Apalachicola River keeps Central time.
  PNS: { zone: 'America/Chicago', reason: 'Pensacola, Escambia County: Florida panhandle, Central' },
  VPS: { zone: 'America/Chicago', reason: 'Valparaiso, Okaloosa County: Florida panhandle, Central' },
  ...sameZone(
    ['APF', 'DAB', 'EYW', 'FLL', 'JAX', 'MCO', 'MIA', 'MLB', 'PBI', 'RSW', 'SRQ', 'TLH', 'TPA'],
    'America/New_York',
    'peninsular Florida (and Tallahassee, east of the Apalachicola), Eastern',
  ),
  BOI: { zone: 'America/Boise', reason: 'Boise: southern Idaho, Mountain' },
  // Indiana in 2001: most of the state kept Eastern Standard Time all year; the south-west corner kept Central time with DST.
  IND: { zone: 'America/Indiana/Indianapolis', reason: 'Marion County: Eastern, no DST in 2001' },
  FWA: { zone: 'America/Indiana/Indianapolis', reason: 'Allen County: Eastern, no DST in 2001' },
  SBN: { zone: 'America/Indiana/Indianapolis', reason: 'St. Joseph County: Eastern, no DST in 2001' },
  EVV: { zone: 'America/Chicago', reason: 'Vanderburgh County: south-western Indiana, Central with DST' },
  ICT: { zone: 'America/Chicago', reason: 'Wichita, Sedgwick County: Central (only four western counties are Mountain)' },
  CVG: { zone: 'America/New_York', reason: 'Boone County, Kentucky: Eastern' },
  LEX: { zone: 'America/New_York', reason: 'Fayette County, Kentucky: Eastern' },
  SDF: { zone: 'America/Kentucky/Louisville', reason: 'Louisville, Jefferson County: Eastern' },
  ...sameZone(['AZO', 'DTW', 'FNT', 'GRR', 'LAN', 'MBS', 'TVC'], 'America/Detroit', "Michigan's lower peninsula, Eastern"),
  MQT: { zone: 'America/Detroit', reason: 'Marquette, Michigan (airports.csv has no state for it): Upper Peninsula, Marquette County keeps Eastern time' },
  ...sameZone(['BIS', 'FAR', 'GFK', 'MOT'], 'America/Chicago', 'North Dakota east of the Missouri, Central'),
  LNK: { zone: 'America/Chicago', reason: 'Lincoln, eastern Nebraska: Central' },
  OMA: { zone: 'America/Chicago', reason: 'Omaha, eastern Nebraska: Central' },
  ...sameZone(['EUG', 'MFR', 'PDX'], 'America/Los_Angeles', 'western Oregon, Pacific (only Malheur County is Mountain)'),
  FSD: { zone: 'America/Chicago', reason: 'Sioux Falls, eastern South Dakota: Central' },
  RAP: { zone: 'America/Denver', reason: 'Rapid City, western South Dakota: Mountain' },
  BNA: { zone: 'America/Chicago', reason: 'Nashville, Middle Tennessee: Central' },
  MEM: { zone: 'America/Chicago', reason: 'Memphis, West Tennessee: Central' },
  CHA: { zone: 'America/New_York', reason: 'Chattanooga, East Tennessee: Eastern' },
  TRI: { zone: 'America/New_York', reason: 'Tri-Cities, East Tennessee: Eastern' },
  TYS: { zone: 'America/New_York', reason: 'Knoxville, East Tennessee: Eastern' },
  // Texas: El Paso and Hudspeth counties keep Mountain time; the rest of the state Central.
  ELP: { zone: 'America/Denver', reason: 'El Paso County: Mountain' },
  ...sameZone(
    [
      'ABI',
      'ACT',
      'AMA',
      'AUS',
      'BPT',
      'BRO',
      'CLL',
      'CRP',
      'DAL',
      'DFW',
      'GGG',
      'HOU',
      'HRL',
      'IAH',
      'ILE',
      'LBB',
      'LRD',
      'MAF',
      'MFE',
      'SAT',
      'SJT',
      'SPS',
      'TYR',
    ],
    'America/Chicago',
    'Texas outside El Paso and Hudspeth counties, Central',
  ),
};

/** Several airports with one zone, for one reason. */
function sameZone(codes: readonly string[], zone: string, reason: string): Record<string, { readonly zone: string; readonly reason: string }> {
  return Object.fromEntries(codes.map((code) => [code, { zone, reason }]));
}

/** One row of airports.csv. */
export interface AirportRow {
  readonly iata: string;
  readonly state: string | null;
}

/** The zone of each listed airport, sorted by code. Throws naming an airport no rule covers. */
export function airportZones(airports: readonly AirportRow[], codes: readonly string[]): Record<string, string> {
  const byCode = new Map(airports.map((a) => [a.iata, a]));
  const zones: Record<string, string> = {};
  for (const code of [...codes].sort()) {
    const assigned = AIRPORT_ZONES[code];
    if (assigned !== undefined) {
      zones[code] = assigned.zone;
      continue;
    }
    const state = byCode.get(code)?.state ?? null;
    if (state === null || SPLIT_STATES.includes(state) || STATE_ZONES[state] === undefined) {
      throw new Error(`airport ${code} (state ${state ?? 'unknown'}) needs its zone assigned by hand in AIRPORT_ZONES`);
    }
    zones[code] = STATE_ZONES[state];
  }
  return zones;
}
