import { Segment } from '../../domain/enums.js';
import type { Random } from './random.js';
import {
  CHINESE_COMPANY_INDUSTRIES, CHINESE_COMPANY_STEMS, CHINESE_COMPANY_SUFFIXES, CHINESE_GIVEN_NAMES, CHINESE_SURNAMES,
  COMPANY_INDUSTRIES, COMPANY_PREFIXES, COMPANY_SUFFIXES, FIRST_NAMES, FREE_EMAIL_DOMAINS, LAST_NAMES, US_AREA_CODES,
} from './vocabulary/names.js';

/** Who a demo customer is: names, email, phone and (for businesses) the company. */
export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';

export interface Person {
  /** As the person writes it: "Maria Garcia", "王伟". */
  fullName: string;
  firstName: string;
  /** ASCII forms for email addresses. */
  asciiFirst: string;
  asciiLast: string;
}

export interface Company {
  name: string;
  legalName: string;
  domain: string;
}

/** "José" → "jose", "O'Brien" → "obrien". */
function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9-]/g, '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function person(rng: Random, locale: Locale): Person {
  if (locale !== 'en' || rng.chance(0.06)) {
    const surname = rng.pick(CHINESE_SURNAMES);
    const given = rng.pick(CHINESE_GIVEN_NAMES);
    const asciiFirst = given[2];
    const asciiLast = surname[2];
    if (locale === 'en') {
      return { fullName: `${capitalize(asciiFirst)} ${capitalize(asciiLast)}`, firstName: capitalize(asciiFirst), asciiFirst, asciiLast };
    }
    const script = locale === 'zh-Hans' ? 0 : 1;
    return { fullName: surname[script] + given[script], firstName: given[script], asciiFirst, asciiLast };
  }
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { fullName: `${first} ${last}`, firstName: first, asciiFirst: ascii(first), asciiLast: ascii(last) };
}

export function company(rng: Random, segment: Segment, locale: Locale): Company {
  const size = segment === Segment.CONSUMER ? Segment.SMALL_BUSINESS : segment;
  if (locale !== 'en' && rng.chance(0.8)) {
    const script = locale === 'zh-Hans' ? 0 : 1;
    const stem = rng.pick(CHINESE_COMPANY_STEMS);
    const industry = rng.pick(CHINESE_COMPANY_INDUSTRIES);
    const suffix = rng.pick(CHINESE_COMPANY_SUFFIXES[size]);
    const name = stem[script] + industry[script];
    const tld = locale === 'zh-Hans' ? rng.pick(['cn', 'com.cn', 'com']) : rng.pick(['com.tw', 'com.hk', 'com']);
    return { name, legalName: name + suffix[script], domain: `${stem[2]}-${industry[2]}.${tld}` };
  }
  const prefix = rng.pick(COMPANY_PREFIXES);
  const industry = rng.pick(COMPANY_INDUSTRIES);
  const name = rng.weighted<() => string>([
    [() => `${prefix} ${industry}`, 50],
    [() => `${rng.pick(LAST_NAMES)} ${industry}`, 20],
    [() => `${rng.pick(LAST_NAMES)} & ${rng.pick(LAST_NAMES)}`, 8],
    [() => prefix + rng.pick(['ly', 'ify', 'hub', 'wise', 'io', 'stack']), 22],
  ])();
  const tld = rng.weighted([['com', 12], ['io', 3], ['co', 2], ['net', 1]]);
  return { name, legalName: `${name} ${rng.pick(COMPANY_SUFFIXES[size])}`, domain: `${ascii(name)}.${tld}` };
}

/** A free-mail address the way people pick them; made unique against `taken`. */
export function personalEmail(rng: Random, who: Person, locale: Locale, taken: Set<string>): string {
  const domain = rng.pick(FREE_EMAIL_DOMAINS[locale]);
  const f = who.asciiFirst;
  const l = who.asciiLast;
  const local = domain === 'qq.com' && rng.chance(0.6)
    ? String(rng.int(10_000_000, 2_999_999_999))
    : rng.weighted<() => string>([
      [() => `${f}.${l}`, 40], [() => `${f}${l}`, 15], [() => `${f.charAt(0)}${l}`, 15],
      [() => `${f}.${l}${rng.int(1, 99)}`, 15], [() => `${f}${rng.int(60, 99)}`, 10], [() => `${l}.${f}`, 5],
    ])();
  return unique(rng, local, domain, taken);
}

export function workEmail(rng: Random, who: Person, domain: string, taken: Set<string>): string {
  const f = who.asciiFirst;
  const l = who.asciiLast;
  const local = rng.weighted([[`${f}.${l}`, 60], [`${f.charAt(0)}${l}`, 25], [f, 15]]);
  return unique(rng, local, domain, taken);
}

function unique(rng: Random, local: string, domain: string, taken: Set<string>): string {
  let email = `${local}@${domain}`;
  while (taken.has(email)) email = `${local}${rng.int(2, 999)}@${domain}`;
  taken.add(email);
  return email;
}

function digits(rng: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += rng.int(0, 9);
  return text;
}

/** Phone numbers in the fictional 555-01xx range for North America; mobile formats in China, Taiwan and Hong Kong. */
export function phone(rng: Random, locale: Locale): string {
  if (locale === 'zh-Hans') return `+86 1${rng.pick(['3', '5', '8'])}${digits(rng, 1)} ${digits(rng, 4)} ${digits(rng, 4)}`;
  if (locale === 'zh-Hant') {
    return rng.chance(0.6) ? `+886 9${digits(rng, 2)} ${digits(rng, 3)} ${digits(rng, 3)}` : `+852 ${rng.pick(['5', '6', '9'])}${digits(rng, 3)} ${digits(rng, 4)}`;
  }
  return `+1 (${rng.pick(US_AREA_CODES)}) 555-01${digits(rng, 2)}`;
}
