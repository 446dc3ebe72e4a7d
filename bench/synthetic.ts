/**
 * Synthetic news-like articles for the end-to-end run (deterministic, seeded). Every name, organisation and place
 * here is invented. Articles come as plain text, Markdown or HTML so all cleaners take part.
 */
import { prng } from '../scripts/lib/prng.ts';

export { prng };

const FIRST = ['Marta', 'Idris', 'Helena', 'Tobias', 'Rosalind', 'Kwame', 'Signe', 'Aurelio', 'Nadia', 'Emeric'];
const LAST = ['Vantrell', 'Okafor-Lind', 'Brisbaine', 'Castelmoor', 'Haldane', 'Quenneville', 'Marsk', 'Tollef'];
const ORGS = [
  'the Northgate Transit Authority',
  'Corvane Energy',
  'the Federation of Harbour Workers',
  'the Lakeshire Health Trust',
  'Brightwater Mills',
  'the Institute for Coastal Studies',
];
const PLACES = ['Kirkvale', 'Port Ellery', 'Dunmarrow', 'Ashby Cross', 'Velden', 'Saltmere'];
const TOPICS = [
  ['budget', 'the new budget', 'spending on roads and schools'],
  ['strike', 'the planned strike', 'pay and working hours'],
  ['flood', 'the flood defences', 'the river walls along the estuary'],
  ['hospital', 'the hospital merger', 'waiting times for surgery'],
  ['factory', 'the factory closure', 'four hundred jobs at the plant'],
] as const;
const ROLES = ['the mayor', 'a spokeswoman', 'the chief executive', 'a union organiser', 'the finance director'];
const VERBS = ['said', 'told reporters', 'added', 'said on Tuesday', 'warned'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export interface SyntheticArticle {
  key: string;
  body: string;
  contentType: string;
}

/** Article number `index` of a seeded series: 8–14 paragraphs, quotes, attributions, places and organisations. */
export function syntheticArticle(index: number, seed = 2026): SyntheticArticle {
  const random = prng(seed * 7919 + index);
  const person = () => `${pick(random, FIRST)} ${pick(random, LAST)}`;
  const [topic, topicPhrase, detail] = pick(random, TOPICS);
  const place = pick(random, PLACES);
  const org = pick(random, ORGS);
  const lead = person();
  const other = person();
  const leadSurname = lead.split(' ')[1];
  const title = `${place} ${topic}: ${org.replace(/^the /, '')} under pressure over ${topicPhrase}`;
  const paragraphs: string[] = [
    `${place.toUpperCase()} — Officials at ${org} faced fresh questions on ${pick(random, ['Monday', 'Tuesday', 'Thursday'])} over ${topicPhrase}, as residents of ${place} demanded answers about ${detail}.`,
  ];
  const count = 8 + Math.floor(random() * 7);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.35) {
      paragraphs.push(
        `“We have listened to every concern about ${detail}, and we will not rush this decision,” ${lead}, ${pick(random, ROLES)} of ${org}, ${pick(random, VERBS)}. “People in ${place} deserve a plan that works for the next twenty years, not the next election.”`,
      );
    } else if (roll < 0.55) {
      paragraphs.push(
        `${other}, who has lived in ${pick(random, PLACES)} for ${10 + Math.floor(random() * 30)} years, was less convinced. “They said the same thing last spring,” ${pick(random, ['she', 'he'])} said. “Nothing changed.”`,
      );
    } else if (roll < 0.7) {
      paragraphs.push(
        `${leadSurname} said the organisation would publish its figures before the end of the month, and that an independent review led by ${person()} had found no evidence of wrongdoing.`,
      );
    } else if (roll < 0.85) {
      paragraphs.push(
        `According to ${org}, ${Math.floor(random() * 900 + 100)} households and ${Math.floor(random() * 40 + 5)} businesses in ${place} would be affected, a number critics say is far too low. The council of ${pick(random, PLACES)} is expected to vote on the matter next week.`,
      );
    } else {
      paragraphs.push(
        `The dispute over ${topicPhrase} has dragged on since ${2019 + Math.floor(random() * 6)}, when ${pick(random, ORGS)} first raised concerns about ${detail}. Talks between the two sides broke down in ${pick(random, ['March', 'June', 'October'])}.`,
      );
    }
  }
  const format = index % 5;
  if (format === 3) {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><article><h1>${title}</h1><p class="byline">By ${person()}</p>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><aside>Sign up for our newsletter</aside><footer>© The Valley Courier</footer></body></html>`;
    return { key: `bench/article-${index}.html`, body: html, contentType: 'text/html; charset=utf-8' };
  }
  if (format === 4) {
    return {
      key: `bench/article-${index}.md`,
      body: `# ${title}\n\n*By ${person()}*\n\n${paragraphs.join('\n\n')}\n`,
      contentType: 'text/markdown; charset=utf-8',
    };
  }
  return {
    key: `bench/article-${index}.txt`,
    body: `${title}\n\n${paragraphs.join('\n\n')}\n`,
    contentType: 'text/plain; charset=utf-8',
  };
}
