import type { Random } from './random.js';
/** Places of the demo debtors: the subdivision drives calendars (Alsace-Moselle, overseas) and the time zone. */
export interface Place {
  city: string;
  postalCode: string;
  country: 'FR' | 'IT';
  subdivision: string;
  timeZone: string;
  weight: number;
}

export const PLACES: readonly Place[] = [
  { city: 'Paris', postalCode: '75011', country: 'FR', subdivision: '75', timeZone: 'Europe/Paris', weight: 12 },
  { city: 'Lyon', postalCode: '69003', country: 'FR', subdivision: '69', timeZone: 'Europe/Paris', weight: 8 },
  { city: 'Marseille', postalCode: '13005', country: 'FR', subdivision: '13', timeZone: 'Europe/Paris', weight: 8 },
  { city: 'Lille', postalCode: '59000', country: 'FR', subdivision: '59', timeZone: 'Europe/Paris', weight: 6 },
  { city: 'Toulouse', postalCode: '31000', country: 'FR', subdivision: '31', timeZone: 'Europe/Paris', weight: 6 },
  { city: 'Nantes', postalCode: '44000', country: 'FR', subdivision: '44', timeZone: 'Europe/Paris', weight: 5 },
  { city: 'Bordeaux', postalCode: '33000', country: 'FR', subdivision: '33', timeZone: 'Europe/Paris', weight: 5 },
  { city: 'Rennes', postalCode: '35000', country: 'FR', subdivision: '35', timeZone: 'Europe/Paris', weight: 4 },
  { city: 'Saint-Étienne', postalCode: '42000', country: 'FR', subdivision: '42', timeZone: 'Europe/Paris', weight: 3 },
  { city: 'Roubaix', postalCode: '59100', country: 'FR', subdivision: '59', timeZone: 'Europe/Paris', weight: 3 },
  { city: 'Metz', postalCode: '57000', country: 'FR', subdivision: '57', timeZone: 'Europe/Paris', weight: 3 },
  { city: 'Strasbourg', postalCode: '67000', country: 'FR', subdivision: '67', timeZone: 'Europe/Paris', weight: 3 },
  { city: 'Mulhouse', postalCode: '68100', country: 'FR', subdivision: '68', timeZone: 'Europe/Paris', weight: 2 },
  {
    city: 'Saint-Denis',
    postalCode: '97400',
    country: 'FR',
    subdivision: '974',
    timeZone: 'Indian/Reunion',
    weight: 2,
  },
  {
    city: 'Fort-de-France',
    postalCode: '97200',
    country: 'FR',
    subdivision: '972',
    timeZone: 'America/Martinique',
    weight: 1,
  },
  {
    city: 'Pointe-à-Pitre',
    postalCode: '97110',
    country: 'FR',
    subdivision: '971',
    timeZone: 'America/Guadeloupe',
    weight: 1,
  },
  { city: 'Cayenne', postalCode: '97300', country: 'FR', subdivision: '973', timeZone: 'America/Cayenne', weight: 1 },
  { city: 'Milano', postalCode: '20121', country: 'IT', subdivision: 'MI', timeZone: 'Europe/Rome', weight: 3 },
  { city: 'Roma', postalCode: '00184', country: 'IT', subdivision: 'RM', timeZone: 'Europe/Rome', weight: 3 },
  { city: 'Napoli', postalCode: '80134', country: 'IT', subdivision: 'NA', timeZone: 'Europe/Rome', weight: 2 },
  { city: 'Torino', postalCode: '10121', country: 'IT', subdivision: 'TO', timeZone: 'Europe/Rome', weight: 2 },
];

export const FRENCH_FIRST_NAMES = [
  'Marie',
  'Jean',
  'Nathalie',
  'Pierre',
  'Isabelle',
  'Michel',
  'Sylvie',
  'Philippe',
  'Catherine',
  'Alain',
  'Sandrine',
  'Nicolas',
  'Céline',
  'Julien',
  'Aurélie',
  'Thomas',
  'Camille',
  'Karim',
  'Fatima',
  'Mohamed',
  'Léa',
  'Hugo',
  'Manon',
  'Lucas',
  'Chloé',
  'Mathieu',
  'Émilie',
  'Sébastien',
  'Laëtitia',
  'Yannick',
  'Nadia',
  'Jérôme',
  'Agnès',
  'Rémi',
  'Hélène',
  'Olivier',
  'Stéphanie',
  'François',
  'Valérie',
  'Théo',
] as const;

export const FRENCH_LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefèvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Benali',
  'Nguyen',
  'Haddad',
  'Payet',
  'Hoarau',
  'Schmitt',
  'Muller',
  'Weber',
  'Meyer',
  'Boyer',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Gautier',
] as const;

export const ITALIAN_FIRST_NAMES = [
  'Giuseppe',
  'Maria',
  'Giovanni',
  'Anna',
  'Antonio',
  'Giulia',
  'Francesco',
  'Chiara',
  'Luca',
  'Francesca',
  'Marco',
  'Sara',
  'Alessandro',
  'Elena',
  'Matteo',
  'Valentina',
] as const;

export const ITALIAN_LAST_NAMES = [
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
] as const;

export const STREETS_FR = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'rue des Lilas',
  'allée des Tilleuls',
  'rue du Moulin',
  'place de la Mairie',
] as const;
export const STREETS_IT = ['via Roma', 'via Garibaldi', 'corso Italia', 'via Mazzini', 'via Verdi'] as const;

/** A place for a debtor, drawn by the places' weights among the creditor's country's. */
export function pickPlace(random: Random, italianCreditor: boolean): Place {
  const places = PLACES.filter((p) => (italianCreditor ? p.country === 'IT' : p.country === 'FR'));
  const total = places.reduce((sum, p) => sum + p.weight, 0);
  let roll = random.next() * total;
  for (const place of places) {
    roll -= place.weight;
    if (roll <= 0) return place;
  }
  return places[places.length - 1]!;
}
