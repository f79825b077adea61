/**
 * Where an organisation of the directory acts, against where a debtor lives (`debtor_addresses.subdivision`: the
 * INSEE département code in France, the province's abbreviation in Italy). A régional organisation names its region:
 * the INSEE region code in France ("44" Grand Est), the region's name in Italy ("Lombardia").
 */

/** France: INSEE region code → its départements (2016 regions, with the five overseas ones). */
const FR_REGIONS: Record<string, readonly string[]> = {
  '84': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  '27': ['21', '25', '39', '58', '70', '71', '89', '90'],
  '53': ['22', '29', '35', '56'],
  '24': ['18', '28', '36', '37', '41', '45'],
  '94': ['2A', '2B'],
  '44': ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
  '32': ['02', '59', '60', '62', '80'],
  '11': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '28': ['14', '27', '50', '61', '76'],
  '75': ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'],
  '76': ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  '52': ['44', '49', '53', '72', '85'],
  '93': ['04', '05', '06', '13', '83', '84'],
  '01': ['971'],
  '02': ['972'],
  '03': ['973'],
  '04': ['974'],
  '06': ['976'],
};

/** Italy: region → its provinces' abbreviations. */
const IT_REGIONS: Record<string, readonly string[]> = {
  Piemonte: ['TO', 'VC', 'NO', 'CN', 'AT', 'AL', 'BI', 'VB'],
  "Valle d'Aosta": ['AO'],
  Lombardia: ['VA', 'CO', 'SO', 'MI', 'BG', 'BS', 'PV', 'CR', 'MN', 'LC', 'LO', 'MB'],
  'Trentino-Alto Adige': ['BZ', 'TN'],
  Veneto: ['VR', 'VI', 'BL', 'TV', 'VE', 'PD', 'RO'],
  'Friuli-Venezia Giulia': ['UD', 'GO', 'TS', 'PN'],
  Liguria: ['IM', 'SV', 'GE', 'SP'],
  'Emilia-Romagna': ['PC', 'PR', 'RE', 'MO', 'BO', 'FE', 'RA', 'FC', 'RN'],
  Toscana: ['MS', 'LU', 'PT', 'FI', 'LI', 'PI', 'AR', 'SI', 'GR', 'PO'],
  Umbria: ['PG', 'TR'],
  Marche: ['PU', 'AN', 'MC', 'AP', 'FM'],
  Lazio: ['VT', 'RI', 'RM', 'LT', 'FR'],
  Abruzzo: ['AQ', 'TE', 'PE', 'CH'],
  Molise: ['CB', 'IS'],
  Campania: ['CE', 'BN', 'NA', 'AV', 'SA'],
  Puglia: ['FG', 'BA', 'TA', 'BR', 'LE', 'BT'],
  Basilicata: ['PZ', 'MT'],
  Calabria: ['CS', 'CZ', 'RC', 'KR', 'VV'],
  Sicilia: ['TP', 'PA', 'ME', 'AG', 'CL', 'EN', 'CT', 'RG', 'SR'],
  Sardegna: ['SS', 'NU', 'CA', 'OR', 'SU'],
};

const REGIONS: Record<string, Record<string, readonly string[]>> = { FR: FR_REGIONS, IT: IT_REGIONS };

/** The regions of a country, as the directory names them. */
export function regionsOf(country: string): string[] {
  return Object.keys(REGIONS[country] ?? {});
}

/** The départements (France) or provinces (Italy) of a country. */
export function departmentsOf(country: string): string[] {
  return Object.values(REGIONS[country] ?? {}).flat();
}

/** The region a département or province belongs to, or null when unknown. */
export function regionOf(country: string, department: string): string | null {
  const regions = REGIONS[country] ?? {};
  const wanted = department.trim().toUpperCase();
  return Object.keys(regions).find((region) => regions[region]!.includes(wanted)) ?? null;
}

/** Whether an area names a known region or département of the country, for the coverage given. */
export function isKnownArea(country: string, coverage: 'region' | 'department', area: string): boolean {
  return coverage === 'region' ? regionsOf(country).includes(area) : departmentsOf(country).includes(area);
}
