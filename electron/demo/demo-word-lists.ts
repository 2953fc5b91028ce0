/**
 * Word lists for demo clients: countries with their currency and company forms, industries
 * with trade words in each language, and surnames. Accented names are kept on purpose so that
 * the demo exercises sorting, searching and exporting of non-ASCII text.
 */

export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl';

export interface Country {
  readonly code: string;
  readonly currency: 'USD' | 'EUR' | 'GBP';
  readonly language: Language;
  /** Domain ending for e-mail addresses, without the leading dot. */
  readonly domain: string;
  readonly legalForms: readonly string[];
  /** Share of the demo's clients in this country, relative to the others of its currency. */
  readonly weight: number;
}

export const countries: readonly Country[] = [
  {
    code: 'US',
    currency: 'USD',
    language: 'en',
    domain: 'com',
    legalForms: ['Inc.', 'LLC', 'Corp.'],
    weight: 85,
  },
  {
    code: 'CA',
    currency: 'USD',
    language: 'en',
    domain: 'ca',
    legalForms: ['Inc.', 'Ltd.'],
    weight: 15,
  },
  {
    code: 'GB',
    currency: 'GBP',
    language: 'en',
    domain: 'co.uk',
    legalForms: ['Ltd', 'PLC', 'LLP'],
    weight: 100,
  },
  {
    code: 'DE',
    currency: 'EUR',
    language: 'de',
    domain: 'de',
    legalForms: ['GmbH', 'AG', 'GmbH & Co. KG', 'KG'],
    weight: 32,
  },
  {
    code: 'AT',
    currency: 'EUR',
    language: 'de',
    domain: 'at',
    legalForms: ['GmbH', 'AG'],
    weight: 8,
  },
  {
    code: 'FR',
    currency: 'EUR',
    language: 'fr',
    domain: 'fr',
    legalForms: ['SARL', 'SAS', 'SA'],
    weight: 22,
  },
  {
    code: 'BE',
    currency: 'EUR',
    language: 'fr',
    domain: 'be',
    legalForms: ['SRL', 'SA'],
    weight: 6,
  },
  {
    code: 'ES',
    currency: 'EUR',
    language: 'es',
    domain: 'es',
    legalForms: ['S.L.', 'S.A.'],
    weight: 10,
  },
  {
    code: 'IT',
    currency: 'EUR',
    language: 'it',
    domain: 'it',
    legalForms: ['S.r.l.', 'S.p.A.'],
    weight: 10,
  },
  {
    code: 'NL',
    currency: 'EUR',
    language: 'nl',
    domain: 'nl',
    legalForms: ['B.V.', 'N.V.'],
    weight: 8,
  },
  {
    code: 'IE',
    currency: 'EUR',
    language: 'en',
    domain: 'ie',
    legalForms: ['Ltd', 'DAC'],
    weight: 4,
  },
];

export interface Industry {
  readonly name: string;
  /** Words for this trade in company names, by language. Dutch names use the English words. */
  readonly words: Readonly<Record<Exclude<Language, 'nl'>, readonly string[]>>;
  /** Services that invoices of this trade bill for, used in the invoice memo. */
  readonly services: readonly string[];
}

export const industries: readonly Industry[] = [
  {
    name: 'Manufacturing',
    words: {
      en: ['Manufacturing', 'Industries', 'Fabrication', 'Components'],
      de: ['Maschinenbau', 'Werkzeugbau', 'Metallwerke'],
      fr: ['Industries', 'Mécanique', 'Usinage'],
      es: ['Industrias', 'Fabricación'],
      it: ['Meccanica', 'Industrie'],
    },
    services: ['Machined components', 'Assembly work', 'Tooling'],
  },
  {
    name: 'Wholesale',
    words: {
      en: ['Supply', 'Trading', 'Distributors', 'Wholesale'],
      de: ['Großhandel', 'Handel', 'Vertrieb'],
      fr: ['Distribution', 'Négoce'],
      es: ['Distribuciones', 'Comercial'],
      it: ['Distribuzione', 'Commercio'],
    },
    services: ['Stock order', 'Bulk supply', 'Replenishment order'],
  },
  {
    name: 'Logistics',
    words: {
      en: ['Freight', 'Logistics', 'Transport', 'Haulage'],
      de: ['Logistik', 'Spedition', 'Transporte'],
      fr: ['Transports', 'Logistique', 'Fret'],
      es: ['Transportes', 'Logística'],
      it: ['Trasporti', 'Logistica'],
    },
    services: ['Freight charges', 'Warehousing', 'Pallet storage'],
  },
  {
    name: 'Construction',
    words: {
      en: ['Builders', 'Construction', 'Contracting'],
      de: ['Bau', 'Bauunternehmung', 'Hochbau'],
      fr: ['Bâtiment', 'Construction', 'Travaux'],
      es: ['Construcciones', 'Obras'],
      it: ['Costruzioni', 'Edilizia'],
    },
    services: ['Site works', 'Building materials', 'Progress billing'],
  },
  {
    name: 'Software',
    words: {
      en: ['Software', 'Systems', 'Digital', 'Labs'],
      de: ['Software', 'Systemhaus', 'Informatik'],
      fr: ['Informatique', 'Numérique', 'Logiciels'],
      es: ['Sistemas', 'Informática'],
      it: ['Informatica', 'Sistemi'],
    },
    services: ['Software licences', 'Support subscription', 'Implementation services'],
  },
  {
    name: 'Healthcare',
    words: {
      en: ['Health', 'Medical', 'Clinics', 'Care'],
      de: ['Medizintechnik', 'Praxisbedarf', 'Gesundheit'],
      fr: ['Santé', 'Médical'],
      es: ['Salud', 'Médica'],
      it: ['Sanità', 'Medicale'],
    },
    services: ['Medical supplies', 'Equipment rental', 'Laboratory services'],
  },
  {
    name: 'Hospitality',
    words: {
      en: ['Hospitality', 'Hotels', 'Catering'],
      de: ['Gastronomie', 'Hotellerie'],
      fr: ['Hôtellerie', 'Restauration'],
      es: ['Hostelería', 'Hoteles'],
      it: ['Ristorazione', 'Alberghi'],
    },
    services: ['Catering', 'Event services', 'Room block'],
  },
  {
    name: 'Professional services',
    words: {
      en: ['Consulting', 'Advisory', 'Partners', 'Associates'],
      de: ['Beratung', 'Consulting', 'Treuhand'],
      fr: ['Conseil', 'Expertise', 'Associés'],
      es: ['Consultores', 'Asesores'],
      it: ['Consulenza', 'Associati'],
    },
    services: ['Consulting fees', 'Advisory retainer', 'Audit support'],
  },
  {
    name: 'Media',
    words: {
      en: ['Media', 'Studios', 'Creative', 'Publishing'],
      de: ['Medien', 'Verlag', 'Werbung'],
      fr: ['Médias', 'Éditions', 'Studio'],
      es: ['Medios', 'Ediciones'],
      it: ['Media', 'Edizioni'],
    },
    services: ['Advertising campaign', 'Design work', 'Video production'],
  },
  {
    name: 'Energy',
    words: {
      en: ['Energy', 'Power', 'Solar'],
      de: ['Energie', 'Solartechnik', 'Stadtwerke'],
      fr: ['Énergie', 'Solaire'],
      es: ['Energía', 'Solar'],
      it: ['Energia', 'Solare'],
    },
    services: ['Installation', 'Maintenance contract', 'Energy audit'],
  },
  {
    name: 'Food and agriculture',
    words: {
      en: ['Foods', 'Farms', 'Produce'],
      de: ['Lebensmittel', 'Feinkost', 'Agrar'],
      fr: ['Alimentaire', 'Fromagerie', 'Vignobles'],
      es: ['Alimentación', 'Agrícola'],
      it: ['Alimentari', 'Agricola'],
    },
    services: ['Produce delivery', 'Packaging', 'Cold storage'],
  },
];

export const surnames: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'Carter',
    'Hayes',
    'Brennan',
    'Whitfield',
    'Morgan',
    'Ellis',
    'Fletcher',
    'Harper',
    'Lawson',
    'Reyes',
    'Nakamura',
    'Patel',
    "O'Connor",
    'Sullivan',
    'Walsh',
    'Bennett',
    'Foster',
    'Grant',
    'Keller',
    'Monroe',
    'Okafor',
    'Lindgren',
  ],
  de: [
    'Müller',
    'Schäfer',
    'Köhler',
    'Weiß',
    'Groß',
    'Schröder',
    'Krüger',
    'Hoffmann',
    'Fischer',
    'Wagner',
    'Jäger',
    'Böhm',
    'Günther',
    'Lehmann',
    'Zimmermann',
    'Fuchs',
    'Öztürk',
    'Hölzl',
  ],
  fr: [
    'Lefèvre',
    'Mercier',
    'Dubois',
    'Girard',
    'Moreau',
    'Rousseau',
    'Faure',
    'Benoît',
    'Chevalier',
    'Lemaître',
    'Gauthier',
    'Hébert',
    'Noël',
    'Bélanger',
    'Lévêque',
    'Dupré',
  ],
  es: [
    'Núñez',
    'García',
    'Martínez',
    'Peñalver',
    'Ibáñez',
    'Muñoz',
    'Sánchez',
    'Jiménez',
    'Fernández',
    'Gómez',
    'Ortega',
    'Castaño',
  ],
  it: [
    'Rossi',
    'Bianchi',
    'Esposito',
    'Ricci',
    'Marino',
    'Galli',
    'Conti',
    'De Luca',
    'Mancini',
    'Lombardi',
    'Moretti',
    'Barbieri',
    'Fontana',
    'Caruso',
    'Bertè',
  ],
  nl: [
    'Van Dijk',
    'De Vries',
    'Jansen',
    'Bakker',
    'Visser',
    'Smit',
    'Meijer',
    'De Boer',
    'Mulder',
    'Van den Berg',
    'Dekker',
    'Hendriks',
  ],
};

/** Place-like words that English company names start with ("Summit Freight Inc."). */
export const englishBrandWords: readonly string[] = [
  'Summit',
  'Harbor',
  'Northwind',
  'Bluestone',
  'Redwood',
  'Pioneer',
  'Granite',
  'Silverline',
  'Keystone',
  'Meridian',
  'Crescent',
  'Lakeshore',
  'Ironbridge',
  'Evergreen',
  'Brightwater',
  'Atlas',
  'Beacon',
  'Cedar',
  'Copperfield',
  'Highland',
  'Oakridge',
  'Riverside',
  'Sterling',
  'Trident',
  'Westbrook',
  'Vanguard',
  'Apex',
  'Coastal',
  'Prairie',
  'Union',
];

/** Words that French company names use as a brand ("Société Lumière"). */
export const frenchBrandWords: readonly string[] = [
  'Lumière',
  'Horizon',
  'Étoile',
  'Boréal',
  'Azur',
  'Océane',
  'Alpine',
  'Émeraude',
  'Prestige',
  'Avenir',
  'Clairière',
  'Rivière',
  'Côte d’Or',
  'Méridienne',
];

/** Regional words for Spanish and Italian company names ("Ibérica", "Adriatica"). */
export const southernBrandWords: Readonly<Record<'es' | 'it', readonly string[]>> = {
  es: ['Ibérica', 'Mediterránea', 'Atlántica', 'Levante', 'Cantábrica', 'del Sur'],
  it: ['Adriatica', 'Tirrena', 'Alpina', 'Padana', 'Ligure', 'del Nord'],
};

/** Local part of the accounts-payable e-mail address, as a company in each language names it. */
export const accountsMailbox: Readonly<Record<Language, readonly string[]>> = {
  en: ['accounts.payable', 'ap', 'accounts', 'finance'],
  de: ['buchhaltung', 'rechnungen', 'finanzen'],
  fr: ['comptabilite', 'factures', 'fournisseurs'],
  es: ['contabilidad', 'facturas'],
  it: ['amministrazione', 'contabilita'],
  nl: ['administratie', 'crediteuren'],
};

export const accountManagers: readonly string[] = [
  'Maya Patel',
  'Jonas Lindqvist',
  'Claire Dubois',
  'Tom Okafor',
];
