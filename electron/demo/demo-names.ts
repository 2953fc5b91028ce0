import {
  accountsMailbox,
  englishBrandWords,
  frenchBrandWords,
  southernBrandWords,
  surnames,
  type Country,
  type Industry,
} from './demo-word-lists.ts';
import type { SeededRandom } from './seeded-random.ts';

/** A generated company: its registered name and the name without the legal form. */
export interface CompanyName {
  readonly name: string;
  readonly tradingName: string;
}

/**
 * Makes a company name in the style of `country` for a business in `industry`, such as
 * "Summit Freight Inc.", "Müller Logistik GmbH" or "Société Lumière".
 */
export function makeCompanyName(
  random: SeededRandom,
  country: Country,
  industry: Industry,
): CompanyName {
  const tradingName = makeTradingName(random, country, industry);
  // French brand names often go without the legal form in day-to-day use.
  if (tradingName.startsWith('Société ') && random.chance(0.5)) {
    return { name: tradingName, tradingName };
  }
  return { name: `${tradingName} ${random.pick(country.legalForms)}`, tradingName };
}

/** Makes the accounts-payable address, such as `buchhaltung@muller-logistik.de`. */
export function makeAccountsEmail(
  random: SeededRandom,
  country: Country,
  tradingName: string,
): string {
  const domain = tradingName
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${random.pick(accountsMailbox[country.language])}@${domain}.${country.domain}`;
}

function makeTradingName(random: SeededRandom, country: Country, industry: Industry): string {
  const surname = (): string => random.pick(surnames[country.language]);
  switch (country.language) {
    case 'en': {
      const trade = random.pick(industry.words.en);
      const pattern = random.int(1, 10);
      if (pattern <= 5) return `${random.pick(englishBrandWords)} ${trade}`;
      if (pattern <= 8) return `${surname()} ${trade}`;
      return `${surname()} & ${surname()}`;
    }
    case 'de': {
      const trade = random.pick(industry.words.de);
      const pattern = random.int(1, 10);
      if (pattern <= 6) return `${surname()} ${trade}`;
      if (pattern <= 8) return `${trade} ${surname()}`;
      return `${surname()} & ${surname()}`;
    }
    case 'fr': {
      const trade = random.pick(industry.words.fr);
      const pattern = random.int(1, 10);
      if (pattern <= 3) return `Société ${random.pick(frenchBrandWords)}`;
      if (pattern <= 6) return `${trade} ${surname()}`;
      if (pattern <= 8) return `${trade} ${random.pick(frenchBrandWords)}`;
      return `${surname()} Frères`;
    }
    case 'es':
    case 'it': {
      const language = country.language;
      const trade = random.pick(industry.words[language]);
      if (random.chance(0.6)) return `${trade} ${surname()}`;
      return `${trade} ${random.pick(southernBrandWords[language])}`;
    }
    case 'nl':
      return `${surname()} ${random.pick(industry.words.en)}`;
  }
}
