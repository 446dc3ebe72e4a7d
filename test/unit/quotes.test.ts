import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../shared/pipeline/quotes/index.ts';
import type { Entity } from '../../shared/pipeline/types.ts';

interface Expected {
  text: string;
  speaker: string | null;
  type?: 'direct' | 'partial' | 'indirect';
  /** The cue verb's lemma, when the row is about which verb is the cue. */
  verb?: string;
}

/** Direct and partial quotes a reader would expect, with their speakers. All texts are invented. */
const QUOTE_ROWS: Array<[string, string, Expected[]]> = [
  [
    '“…,” X said',
    'Mayor Dana Whitfield opened the bridge on Monday.\n\n“This bridge is for everyone,” Whitfield said.',
    [{ text: 'This bridge is for everyone,', speaker: 'Dana Whitfield', type: 'direct' }],
  ],
  [
    '“…,” said X, appositive',
    '“We are not done yet,” said Tomas Ferreira, a spokesman for the Lakeside Transit Authority.',
    [{ text: 'We are not done yet,', speaker: 'Tomas Ferreira' }],
  ],
  [
    'X said: “…”',
    'Senator Ruth Okafor was blunt. Okafor said: “The budget is a fantasy.”',
    [{ text: 'The budget is a fantasy.', speaker: 'Ruth Okafor' }],
  ],
  [
    'straight quotes and told reporters',
    'Coach Pavel Lindqvist spoke after the match. "We played with heart," Lindqvist told reporters.',
    [{ text: 'We played with heart,', speaker: 'Pavel Lindqvist' }],
  ],
  [
    'capitalised office words before a first name are not part of it',
    'Public Ombudsman Lidia Arce spoke on Friday. “The inquiry must be independent,” Arce said.',
    [{ text: 'The inquiry must be independent,', speaker: 'Lidia Arce' }],
  ],
  [
    'a hyphenated first name after an office',
    '“The evidence has weakened,” said Deputy Director of Public Prosecution Eva-Lotta Brink.',
    [{ text: 'The evidence has weakened,', speaker: 'Eva-Lotta Brink' }],
  ],
  [
    'a two-word quote after a full stop is speech, not a nickname between two names',
    'Ines Moll walked out. "Fix it," Moll said. Robert "Bobby" Lund agreed.',
    [{ text: 'Fix it,', speaker: 'Ines Moll' }],
  ],
  [
    'the subject of a speech verb in the passive is not the speaker',
    'The Harbour Party was accused on Monday of renaming its press account “the fact desk” before the vote.',
    [{ text: 'the fact desk', speaker: null }],
  ],
  [
    'a short Title Case quote after a passive speech verb is speech by someone unnamed, not a title',
    'When the checkers examined the claim, it was labeled “Mostly Accurate.” The mayor disagreed.',
    [{ text: 'Mostly Accurate.', speaker: null }],
  ],
  [
    'generic `you` with no speech verb is no speaker, and what `you` would wonder is no quote',
    'Your side will stay comfortable, that is for sure.\n\nBut you will always wonder, “What would have happened if I had pushed past it?”',
    [],
  ],
  [
    'a lone first name gets the one full name the article gives with it',
    'Dale Brunner runs the ferry with his sister. “We never closed,” Dale said.',
    [{ text: 'We never closed,', speaker: 'Dale Brunner' }],
  ],
  [
    'a colon in the quote’s own sentence gives the words to its subject, not to the paragraph’s earlier speaker',
    'Tom Hale directed it. “It just worked,” he said. Ada Vik, who joined by phone, had the same feeling: “It was the song.”',
    [
      { text: 'It just worked,', speaker: 'Tom Hale' },
      { text: 'It was the song.', speaker: 'Ada Vik' },
    ],
  ],
  [
    '`and` inside an organisation’s name does not end the appositive',
    '“We are close,” Jane Ruud, a professor at the School of Law and Government, said. “Very close,” Ivo Lind, a fellow at the Centre for Food and Water told reporters.',
    [
      { text: 'We are close,', speaker: 'Jane Ruud' },
      { text: 'Very close,', speaker: 'Ivo Lind' },
    ],
  ],
  [
    '`and` between nouns inside an appositive does not end it',
    'Fan Weili, deputy director of the region’s disease prevention and control centre, told the media the case is “isolated and unrelated” to the others.',
    [{ text: 'isolated and unrelated', speaker: 'Fan Weili' }],
  ],
  [
    '`As X, an appositive, put it`',
    'As Ivo Brandt, a tax lawyer and senior fellow at the Harbour Institute, recently put it, “Did the levy pay for the pier or not?”',
    [{ text: 'Did the levy pay for the pier or not?', speaker: 'Ivo Brandt' }],
  ],
  [
    'an attribution that closes the sentence covers an earlier quote of that sentence',
    'The pier was closed.\n\nThe closures have been “terribly disruptive” and the port is acting, but “we will not gamble with safety,” harbour master Ana Ruiz said.',
    [
      { text: 'terribly disruptive', speaker: 'Ana Ruiz' },
      { text: 'we will not gamble with safety,', speaker: 'Ana Ruiz' },
    ],
  ],
  [
    '`“…,” as X told me` and a title after lower-case words heading a nominal',
    'Better yet, they are focused on their customers’ “financial health,” as one neo-bank CEO told me.',
    [{ text: 'financial health,', speaker: 'one neo-bank CEO' }],
  ],
  [
    'a name inside a participle phrase before the verb is not its subject',
    'The authors of the study published in the journal Harbour Medicine argued that the policies brought “important social benefits” to the town.',
    [{ text: 'important social benefits', speaker: 'The authors of the study' }],
  ],
  [
    'guillemets',
    'Minister Claire Dubois answered quickly. «Nous restons ici», Dubois said.',
    [{ text: 'Nous restons ici', speaker: 'Claire Dubois' }],
  ],
  [
    "doubled marks for double quotes: ''…'', ‘‘…’’, “…’’ and ``…''",
    "''The ferry is late again,'' said Ines Moll. ‘‘We wait every day,’’ Moll said. “It is a scandal,’’ she added. ``Fix it,'' Moll said.",
    [
      { text: 'The ferry is late again,', speaker: 'Ines Moll' },
      { text: 'We wait every day,', speaker: 'Ines Moll' },
      { text: 'It is a scandal,', speaker: 'Ines Moll' },
      { text: 'Fix it,', speaker: 'Ines Moll' },
    ],
  ],
  [
    'title + name before the verb',
    'State Department spokeswoman Irene Vasquez told reporters that the talks would “require patience and discretion.”',
    [{ text: 'require patience and discretion.', speaker: 'Irene Vasquez', type: 'partial' }],
  ],
  [
    'partial quote inside a sentence',
    'Governor Alan Pryce said the agreement would need “skillful and discreet negotiation” before it could pass.',
    [{ text: 'skillful and discreet negotiation', speaker: 'Alan Pryce', type: 'partial' }],
  ],
  [
    'split quote: one speaker for both halves',
    '“The river is rising,” Hydrologist Maya Chen said, “and the levees are old.”',
    [
      { text: 'The river is rising,', speaker: 'Maya Chen', type: 'direct' },
      { text: 'and the levees are old.', speaker: 'Maya Chen', type: 'direct' },
    ],
  ],
  [
    'a quote nested in the same marks does not cut the outer quote off its ― attribution',
    'Readers wrote in after the debate.\n\n“As a young nurse....I’d rather live in what he calls “chaos” than live in a city he runs.” ― Lucia Fernandez',
    [
      {
        text: 'As a young nurse....I’d rather live in what he calls “chaos” than live in a city he runs.',
        speaker: 'Lucia Fernandez',
      },
    ],
  ],
  [
    'a whole-sentence quote after a sentence about a person (no speech verb) is that person’s',
    'Turnout worries grow.\n\nOn “Morning Desk,” Sen. Ann Hobbs (Ore.), who lost the primary to Smith, identified fatigue as the reason. “The younger voters are tired of all of this, more than ever.”',
    [{ text: 'The younger voters are tired of all of this, more than ever.', speaker: 'Ann Hobbs', type: 'direct' }],
  ],
  [
    'surname resolves to the full name seen earlier',
    'Victor Almeida runs the harbour. Critics doubt him.\n\n“The harbour will reopen in May,” Almeida said.',
    [{ text: 'The harbour will reopen in May,', speaker: 'Victor Almeida' }],
  ],
  [
    'according to X',
    'The fund lost money, according to Oskar Brandt: “We misjudged the market.”',
    [{ text: 'We misjudged the market.', speaker: 'Oskar Brandt' }],
  ],
  [
    'wrote X in a report for Y',
    '“The data are incomplete,” wrote Helena Novak in a report for the Coastal Institute.',
    [{ text: 'The data are incomplete,', speaker: 'Helena Novak' }],
  ],
  [
    'X added',
    '“We will appeal,” said attorney Rosa Delgado. “The ruling ignores the evidence,” Delgado added.',
    [
      { text: 'We will appeal,', speaker: 'Rosa Delgado' },
      { text: 'The ruling ignores the evidence,', speaker: 'Rosa Delgado' },
    ],
  ],
  [
    'attribution in the previous sentence (lead-in with a colon)',
    'Farmer Jonas Eklund described the drought to the committee:\n\n“Nothing grew this year. Nothing at all.”',
    [{ text: 'Nothing grew this year. Nothing at all.', speaker: 'Jonas Eklund' }],
  ],
  [
    'quote-only paragraph continues the previous speaker',
    '“We need more nurses,” said hospital director Amara Osei.\n\n“Every shift is short-staffed, and the patients notice.”',
    [
      { text: 'We need more nurses,', speaker: 'Amara Osei' },
      { text: 'Every shift is short-staffed, and the patients notice.', speaker: 'Amara Osei' },
    ],
  ],
  [
    'multi-paragraph quote: an unclosed paragraph continues in the next one',
    'Engineer Lucia Ferraro explained the failure.\n\n“The bolts were the wrong grade,” Ferraro said. “Nobody checked them.\n\n“By the time we noticed, the beam had already cracked.”',
    [
      { text: 'The bolts were the wrong grade,', speaker: 'Lucia Ferraro' },
      { text: 'Nobody checked them.', speaker: 'Lucia Ferraro' },
      { text: 'By the time we noticed, the beam had already cracked.', speaker: 'Lucia Ferraro' },
    ],
  ],
  [
    'pronoun after a man and a woman: gender picks the woman',
    'Senator Ann Holloway met Governor Mark Reyes on Tuesday. “We disagree on almost everything,” she said.',
    [{ text: 'We disagree on almost everything,', speaker: 'Ann Holloway' }],
  ],
  [
    'pronoun after two men: the subject (the earlier speaker) wins',
    'Pedro Alvarez criticized Martin Kowalski on Friday. “He has no plan,” he said.',
    [{ text: 'He has no plan,', speaker: 'Pedro Alvarez' }],
  ],
  [
    'a person named inside the quote is not the speaker',
    'Councilwoman Grace Mbeki spoke at the rally. “Frank Dorsey has never visited this district,” she said.',
    [{ text: 'Frank Dorsey has never visited this district,', speaker: 'Grace Mbeki' }],
  ],
  [
    'nominal speaker kept as written',
    'The agency denied the report. “The claims are false,” the spokeswoman said.',
    [{ text: 'The claims are false,', speaker: 'the spokeswoman' }],
  ],
  [
    'organisation speaker',
    '“The company acted within the law,” the Harbor Trust said in a statement.',
    [{ text: 'The company acted within the law,', speaker: 'Harbor Trust' }],
  ],
  [
    'nested quote stays inside the outer quote',
    '“He told me ‘never again’ and walked out,” said union leader Ivo Marsh.',
    [{ text: 'He told me ‘never again’ and walked out,', speaker: 'Ivo Marsh' }],
  ],
  [
    'headline with single quotes and a colon attribution',
    "Brennan: Tax plan 'will sink the city'\n\nThe mayor's rival attacked the plan on Monday.",
    [{ text: 'will sink the city', speaker: 'Brennan' }],
  ],
  [
    'transcript speaker label',
    'The debate turned to taxes.\n\n"HARTLEY: We will cut taxes for every family.',
    [{ text: 'We will cut taxes for every family.', speaker: 'HARTLEY' }],
  ],
  [
    'dash attribution after a quote',
    'Readers wrote in about the election.\n\n“I have never been so worried about my town.” ― Lena Fischer',
    [{ text: 'I have never been so worried about my town.', speaker: 'Lena Fischer' }],
  ],
  [
    'Name, who …, verb',
    'Marta Quinn, who has run the shelter since 2009, warned that the cuts would be “devastating for families.”',
    [{ text: 'devastating for families.', speaker: 'Marta Quinn', type: 'partial' }],
  ],
  [
    'said + descriptor + name',
    '“The vote was a mistake,” said radio host Gil Brenner.',
    [{ text: 'The vote was a mistake,', speaker: 'Gil Brenner' }],
  ],
  [
    'the owner of a speech noun',
    'Reporters checked Mayor Ines Calder’s claim that the city had “the cleanest water in the state.”',
    [{ text: 'the cleanest water in the state.', speaker: 'Ines Calder', type: 'partial' }],
  ],
  [
    'reported speech right before a quote in the same paragraph',
    'Hiring will slow this year, Ruiz said. “We cannot afford new staff.” Economist Pablo Ruiz has warned of this before.',
    [{ text: 'We cannot afford new staff.', speaker: 'Pablo Ruiz' }],
  ],
  [
    'a relative clause between the speaker and the verb',
    '“It is a disaster,” one resident, who asked not to be named, told reporters.',
    [{ text: 'It is a disaster,', speaker: 'one resident', type: 'direct' }],
  ],
  [
    'the main verb after a relative clause, not the verb inside it',
    '“We will rebuild,” Dana Kopp, who asked for calm, said on Monday.\n\nKopp owns the corner bakery.',
    [{ text: 'We will rebuild,', speaker: 'Dana Kopp', type: 'direct', verb: 'say' }],
  ],
  [
    'an organisation before a restrictive relative',
    'Reporters turned to the Harbor Police Department which reported “412 thefts” in the first half of the year.',
    [{ text: '412 thefts', speaker: 'Harbor Police Department', type: 'partial' }],
  ],
  [
    'a possessive noun phrase ending in -ly is the speaker, not the possessor',
    'Kopp’s family urged the police to release the videos “as a matter of transparency and trust.”',
    [{ text: 'as a matter of transparency and trust.', speaker: 'Kopp’s family', type: 'partial' }],
  ],
  [
    'a progressive cue (is calling)',
    'The candidate’s doctor is calling the candidate “extremely fit for the job.”',
    [{ text: 'extremely fit for the job.', speaker: 'The candidate’s doctor', type: 'partial' }],
  ],
  [
    'X went on about “…”',
    'The hall was full. As Ivo Marsh went on about “how the whole system is rigged,” the crowd cheered.',
    [{ text: 'how the whole system is rigged,', speaker: 'Ivo Marsh', type: 'partial' }],
  ],
  [
    'a statement verb-first: “…,” read a statement from X',
    '“We will appeal the ruling,” read a statement from the Kopp family.',
    [{ text: 'We will appeal the ruling,', speaker: 'a statement from the Kopp family', verb: 'read' }],
  ],
  [
    'a plural possessive inside curly single quotes does not close the quote',
    'The council’s leader, Ines Pike, said: ‘We don’t know what the inspectors’ report will say. We won’t guess.’',
    [{ text: 'We don’t know what the inspectors’ report will say. We won’t guess.', speaker: 'Ines Pike' }],
  ],
  [
    'an article written with straight single quotes (British style plain text)',
    "Residents' groups were unimpressed by the council's plan on Tuesday night.\n\n'It's the same old story, and we have heard it for ten years,' said Tom Reed, who chairs the Elm Street residents' association.\n\nThe council's leader, Ines Pike, defended the decision. 'We don't know what the inspectors' report will say, and we won't guess,' she told the meeting. 'When we know, residents will know.'",
    [
      { text: "It's the same old story, and we have heard it for ten years,", speaker: 'Tom Reed' },
      { text: "We don't know what the inspectors' report will say, and we won't guess,", speaker: 'Ines Pike' },
      { text: 'When we know, residents will know.', speaker: 'Ines Pike' },
    ],
  ],
  [
    'X, appositive, who in YEAR said …: the name before the appositive',
    'Lee has clashed with Hal Vance, now the Senate majority leader, who in 2010 said the party’s goal was to make Lee a “one-term governor.”',
    [{ text: 'one-term governor.', speaker: 'Hal Vance', type: 'partial' }],
  ],
  [
    '…, saying “…”: the quantified subject, not the object named after the verb',
    'In August, several environmental groups granted Dana Kopp an extension, saying her “start-up capital was less than expected.”',
    [{ text: 'start-up capital was less than expected.', speaker: 'several environmental groups', type: 'partial' }],
  ],
  [
    'an infinitive cue: X took to Twitter to accuse … of being “…”',
    'Dana Kopp took to Twitter overnight to accuse the mayor’s office of being “duped” by “a con” and urged residents to check.',
    [
      { text: 'duped', speaker: 'Dana Kopp', type: 'partial', verb: 'accuse' },
      { text: 'a con', speaker: 'Dana Kopp', type: 'partial' },
    ],
  ],
  [
    'an infinitive cue: X went on to praise … as “…”',
    'Ana Ruiz went on to praise the volunteers as “the backbone of this town.”',
    [{ text: 'the backbone of this town.', speaker: 'Ana Ruiz', type: 'partial', verb: 'praise' }],
  ],
  [
    'a long appositive with a place tail and “, and co-author of …,”',
    '“We get out more than we put in,” Lina Moss, a fellow at the Alder Institute in Munich, Germany, and co-author of the study, said in a statement.',
    [{ text: 'We get out more than we put in,', speaker: 'Lina Moss' }],
  ],
  [
    'the mayor of a place is a role phrase, not the place',
    '“It is over,” the mayor of Springfield, Illinois, said.\n\n“It is over,” said the mayor of Brookfield.',
    [
      { text: 'It is over,', speaker: 'the mayor of Springfield' },
      { text: 'It is over,', speaker: 'the mayor of Brookfield' },
    ],
  ],
  [
    'a title with “of” before the name (Secretary of State X)',
    '“The talks are over,” said Secretary of State Ann Smith.',
    [{ text: 'The talks are over,', speaker: 'Ann Smith' }],
  ],
  [
    'phrasal cues: weighed in, pointed out; more speech verbs (cautioned)',
    '“We all miss him,” Ivo Marsh weighed in.\n\nPia Rao, head of research at a bank, pointed out that the market is “stock-specific.”\n\n“Safety comes first,” the minister cautioned.',
    [
      { text: 'We all miss him,', speaker: 'Ivo Marsh', verb: 'weigh in' },
      { text: 'stock-specific.', speaker: 'Pia Rao', verb: 'point out' },
      { text: 'Safety comes first,', speaker: 'the minister', verb: 'caution' },
    ],
  ],
  [
    'a gerund opening a sentence is not part of the next name (Hosting Cook …)',
    'Hosting Cook at the summit, Benioff praised the company.\n\n“I love the way you keep inventing,” Cook said.',
    [{ text: 'I love the way you keep inventing,', speaker: 'Cook' }],
  ],
  [
    'a capitalised opener that modifies the next word is not a speaker (Untreated …, Consider …)',
    'The disease is rare.\n\nUntreated pneumonic plague is “always fatal within a few days.”\n\nConsider this entry — “Do not jerk the wheel and drive.”',
    [
      { text: 'always fatal within a few days.', speaker: null },
      { text: 'Do not jerk the wheel and drive.', speaker: null },
    ],
  ],
  [
    'an organisation word inside a title before the name does not make the speaker an organisation',
    '“We pray for their recovery,” said White House Press Secretary Ann Grisham.',
    [{ text: 'We pray for their recovery,', speaker: 'Ann Grisham' }],
  ],
  [
    'a noun phrase opened by a capitalised adjective is the subject of “…, while chanting”',
    'Small groups of protesters marched on Sunday, while chanting, “Hands up, do not shoot.”',
    [{ text: 'Hands up, do not shoot.', speaker: 'Small groups of protesters' }],
  ],
  [
    'a pronoun with a contraction is the pronoun (We’re)',
    'We’re given a chance to speak, and we’re terrified to say “yes, of course we will.”',
    [{ text: 'yes, of course we will.', speaker: 'We' }],
  ],
  [
    '“…,” it added: the organisation that spoke just before',
    'The inquiry was closed on Tuesday, the Harbor Prosecution Authority said.\n\n“The evidence has weakened considerably,” it added.',
    [{ text: 'The evidence has weakened considerably,', speaker: 'Harbor Prosecution Authority' }],
  ],
  [
    'a capitalised job title in the appositive; the indirect speaker of “pointed out” is the antecedent of “he”',
    'Pankaj Rao, Head of Research at Alder Securities, pointed out that this is a stock-specific market. Midcaps are lagging.\n\n“It is a stock-specific market,” he said.',
    [{ text: 'It is a stock-specific market,', speaker: 'Pankaj Rao' }],
  ],
  [
    'a relative clause after the subject names no speaker (The statement, which was obtained by X, claimed …)',
    'The statement, which was obtained by the Ledger, claimed that the firms had “come to terms on a licensing deal.”',
    [{ text: 'come to terms on a licensing deal.', speaker: 'The statement' }],
  ],
  [
    'an appositive opened by CEO; an adverb between pronoun and verb (He instead told)',
    '“Our strategy is to be where the players are,” Ivo Marsh, CEO of Harbor Games, adds.\n\nHe instead told the interviewer: “We took the judgement call.”',
    [
      { text: 'Our strategy is to be where the players are,', speaker: 'Ivo Marsh' },
      { text: 'We took the judgement call.', speaker: 'Ivo Marsh' },
    ],
  ],
  [
    'an attribution sentence after the quote that says no more than who, when and where, however long',
    'The talks stalled.\n\n“What is the incentive for them to sign this deal at all?” Wang Lifen, the former executive director for Norland at the International Monetary Fund, said at a Nov. 6 event at the Harrow Institute in Eastport.',
    [{ text: 'What is the incentive for them to sign this deal at all?', speaker: 'Wang Lifen' }],
  ],
  [
    'a verb of judging or comparing gives its subject’s words without a speech verb',
    'The harbour has been busy all year.\n\nSenator Ida Roan has been pounding the mayor as a “ferry wrecker” all week. Norland branded the harbour board an “outlaw club.” Lena Voss, the port director, compared the mayor to a captain who is “steering by the stars.”',
    [
      { text: 'ferry wrecker', speaker: 'Ida Roan', type: 'partial' },
      { text: 'outlaw club.', speaker: 'Norland', type: 'partial' },
      { text: 'steering by the stars.', speaker: 'Lena Voss', type: 'partial' },
    ],
  ],
  [
    'a pronoun beyond the window is the last quoted speaker when no one else is named since',
    'The vote was on Monday.\n\n“We are ready,” Ann Lee said. The council met at noon. The budget passed without debate.\n\n“It is a good day for the harbour,” she said.',
    [
      { text: 'We are ready,', speaker: 'Ann Lee' },
      { text: 'It is a good day for the harbour,', speaker: 'Ann Lee' },
    ],
  ],
  [
    'words after the quote, then `, said X` (the name after the verb, not a name before it)',
    'Talks resumed.\n\n"The mayor wants the option of walking away from the deal" he signed in May, said Ivo Brandt, a council member.',
    [{ text: 'The mayor wants the option of walking away from the deal', speaker: 'Ivo Brandt' }],
  ],
  [
    '`, told X`: X is the hearer, the speaker comes before',
    'Talks resumed.\n\n"This is how a strike begins," Dr. Ana Ruiz, a member of the group, told Harbor News.',
    [{ text: 'This is how a strike begins,', speaker: 'Ana Ruiz' }],
  ],
  [
    'an appositive whose organisation has commas in its name (Defense, Space, and Security)',
    'Talks went on.\n\n“We can reach the moon in one launch,” Jim Calder, senior vice president for space at Harbor Defense, Space, and Security, said in a statement.',
    [{ text: 'We can reach the moon in one launch,', speaker: 'Jim Calder' }],
  ],
  [
    'an appositive naming two places of work with commas (in Greenbelt, Maryland, and Eastport University in …)',
    'Talks went on.\n\n“The plume is real,” study lead author Lucas Pagan, a scientist at the Goddard Center in Greenbelt, Maryland, and Eastport University in Washington, D.C., said in a statement.',
    [{ text: 'The plume is real,', speaker: 'Lucas Pagan' }],
  ],
  [
    'a lone surname has the gender of the full name the article gives it (Hale → Mark Hale), so `he` is Hale',
    'Intro.\n\nMark Hale runs the bakery. Hale praised Jones’s recipe. “It is the best bread in town,” he said.',
    [{ text: 'It is the best bread in town,', speaker: 'Mark Hale' }],
  ],
  [
    'a name in a clause opening the sentence gives way to one in the main clause',
    'Intro.\n\nWhile Barack Obama had many songs written about him, that worries Henry Crespo, president of the caucus.\n\n“No one is writing songs for her,” he said.',
    [{ text: 'No one is writing songs for her,', speaker: 'Henry Crespo' }],
  ],
  [
    'two role nouns after one determiner are one speaker (the singer and guitarist)',
    'Intro.\n\n“We will be back next summer,” the singer and guitarist told the crowd.',
    [{ text: 'We will be back next summer,', speaker: 'the singer and guitarist' }],
  ],
  [
    'capitalised job words before a given name and surname: the person (SciSpace Team Leader Jennifer Ngo-Anh)',
    'Intro.\n\n“We are ready for the launch,” explains SciSpace Team Leader Jennifer Ngo-Anh.',
    [{ text: 'We are ready for the launch,', speaker: 'Jennifer Ngo-Anh' }],
  ],
  [
    'an order is speech (`“…,” an officer ordered`)',
    'Intro.\n\n“Hands! Let me see your hands!” an officer ordered as the crew broke down the door.',
    [{ text: 'Hands! Let me see your hands!', speaker: 'an officer' }],
  ],
  [
    '`According to X, one user on Y, which …, posted:` — the user, not the source',
    'Intro.\n\nAccording to Harbor News, one user on Ferrychat, which is the town’s own forum, posted: “I just want to know when the boats will run.”',
    [{ text: 'I just want to know when the boats will run.', speaker: 'one user' }],
  ],
  [
    'the person before an organisation and its `, which …,` clause',
    'Intro.\n\nAnn Lee of the Harbor Board, which runs the port, said: “We are ready for the season.”',
    [{ text: 'We are ready for the season.', speaker: 'Ann Lee' }],
  ],
  [
    '`and` inside an appositive opened by an article (a mother of two and the school’s principal)',
    'Intro.\n\n“We will act fast,” Anna Berg, a mother of two and the school’s principal, said.',
    [{ text: 'We will act fast,', speaker: 'Anna Berg' }],
  ],
  [
    'a name inside an appositive opened by `a` is not the speaker; the noun phrase before it is',
    'Intro.\n\nThe whistleblower, a protégé of John Bolton and Dick Cheney, claimed that the call had been “improper.”',
    [{ text: 'improper.', speaker: 'The whistleblower' }],
  ],
  [
    'a role `to` a place speaks, not the place (the U.S. envoy to Norland)',
    'Intro.\n\n“We will act fast,” the U.S. envoy to Norland said.',
    [{ text: 'We will act fast,', speaker: 'the U.S. envoy' }],
  ],
  [
    'a role `for` an organisation speaks, not the organisation (a spokeswoman for Acme Corp)',
    'Intro.\n\n“We will act fast,” a spokeswoman for Acme Corp said.',
    [{ text: 'We will act fast,', speaker: 'a spokeswoman' }],
  ],
  [
    'a quote paragraph after a paragraph that ends in reported speech continues its speaker',
    'Intro.\n\nSaeb Erekat said it was only the latest move against the talks.\n\n“This is a dangerous step for the whole region.”',
    [{ text: 'This is a dangerous step for the whole region.', speaker: 'Saeb Erekat' }],
  ],
  [
    '`including a nurse who said …`: the noun phrase before `who` is the speaker',
    'Intro.\n\nSeveral witnesses testified, including a nurse who said the ward was “chaotic and unsafe.”',
    [{ text: 'chaotic and unsafe.', speaker: 'a nurse' }],
  ],
  [
    'an object before `who` is not the speaker (`told a young woman who suggested …`)',
    'Intro.\n\nAnn Lee, the director of the league, told a young woman who suggested that people may stay home that “staying home is not an option.”',
    [{ text: 'staying home is not an option.', speaker: 'Ann Lee' }],
  ],
  [
    'two people speaking together are kept as written (X and Y deny …)',
    'Ivo Kopp and Lena Hale both denied that the payment was “a bribe of any kind.”',
    [{ text: 'a bribe of any kind.', speaker: 'Ivo Kopp and Lena Hale', type: 'partial' }],
  ],
  [
    'pronouns in the next sentence that do not open it are no evidence of the gender of the name before',
    'Critics found Tobias Renn’s novels baffling. “You only see a sliver of the story,” the critic Ines Varga said. When his editors asked him to explain more, he would reply, “Clarity is for lesser writers.”',
    [
      { text: 'You only see a sliver of the story,', speaker: 'Ines Varga' },
      { text: 'Clarity is for lesser writers.', speaker: 'Tobias Renn' },
    ],
  ],
  [
    'a two-word surname is the full name it ends (Lyle Ortega → Margaret Lyle Ortega)',
    'The prisons chief, Margaret Lyle Ortega, testified on Tuesday.\n\n“This was a disgrace for the whole agency,” Lyle Ortega said.',
    [{ text: 'This was a disgrace for the whole agency,', speaker: 'Margaret Lyle Ortega' }],
  ],
  [
    'the bare `answer` right before the quote is the cue (`he would answer, “…”`)',
    'Reporters asked Tomas Brink about the delay. When they pressed him, he would answer, “The ship sails when it is ready.”',
    [{ text: 'The ship sails when it is ready.', speaker: 'Tomas Brink', verb: 'answer' }],
  ],
  [
    'a cue word before a modal is a noun, not the cue (`her old label will be left to wonder: “…”`)',
    'Jana Pohl has signed with a new label. From now on, her old label will be left to wonder: “What did we do wrong?”',
    [{ text: 'What did we do wrong?', speaker: null }],
  ],
  [
    'the object after `called` is not the speaker (`…, called Mayor Ruiz a “…”`)',
    'Harlan Voss phoned the mayor’s office in March. During the call, he shouted at an aide, called Mayor Ruiz a “traitor” and hung up.',
    [{ text: 'traitor', speaker: 'Harlan Voss' }],
  ],
  [
    'a named person with his or her people speaks (`Dupont and his team wrote`)',
    'Astronomers at Lyon studied the comet.\n\n“The tail holds far more ice than we expected,” Ana Dupont and her team wrote in the paper.',
    [{ text: 'The tail holds far more ice than we expected,', speaker: 'Ana Dupont' }],
  ],
  [
    'an appositive opened by a possessive goes on after `and` + a determiner (`X, Mira’s coach and the club’s director, said`)',
    '“She could have won the title,” Paul Ferrand, Mira’s coach and the club’s director, said.',
    [{ text: 'She could have won the title,', speaker: 'Paul Ferrand' }],
  ],
  [
    'more frames: `in the words of X:`, `As X related,`, `Another said:`',
    'A baker was tired for months. Here is how bad it got in the words of the patient: “I could not climb the stairs.”\n\nThe treatment worked. As Tom Hale related, “the inhaler made all the difference.”\n\nOne user posted: “How did it spread so fast?”\n\nAnother reportedly said: “First the floods, then the fires.”',
    [
      { text: 'I could not climb the stairs.', speaker: 'the patient' },
      { text: 'the inhaler made all the difference.', speaker: 'Tom Hale' },
      { text: 'How did it spread so fast?', speaker: 'One user' },
      { text: 'First the floods, then the fires.', speaker: 'Another' },
    ],
  ],
  [
    'a quote after `X’s rep told reporters that …` is the rep’s, not X’s',
    'The singer’s label issued a statement on Friday. Marlowe’s rep told reporters that this was not accurate. “The label is trying to change the subject, and it still owes royalties.”',
    [{ text: 'The label is trying to change the subject, and it still owes royalties.', speaker: 'Marlowe’s rep' }],
  ],
  [
    'a possessive opening the subject opens its noun phrase (`Norway’s ambassador … and warned that “…”`)',
    'The quarrel deepened this week. Norway’s ambassador to Chile accused Peru of meddling and warned that his government “will not stand idly by” if the crisis grows.',
    [{ text: 'will not stand idly by', speaker: 'Norway’s ambassador' }],
  ],
  [
    'a lone given name followed by `— who …` is a person a pronoun can point back to',
    'Some savers never earn much. Rafael — who only uses his first name on his blog — retired at 50 after a career in shipping. He never earned a large salary.\n\n“Owning the house outright is what lets me sleep at night,” he wrote.',
    [{ text: 'Owning the house outright is what lets me sleep at night,', speaker: 'Rafael' }],
  ],
  [
    'the narrator goes on after the quote, then `, X said …` closes the sentence',
    'The state’s housing shortage is “growing at a worrying pace” and affects every county in the state, Blaine said in a video message.',
    [{ text: 'growing at a worrying pace', speaker: 'Blaine' }],
  ],
  [
    'the name in apposition to a role after `according to` (`according to his uncle, Frank Medina, “…”`)',
    'The boy loved books. According to his uncle, Frank Medina, “He was reading novels at five.”',
    [{ text: 'He was reading novels at five.', speaker: 'Frank Medina' }],
  ],
  [
    'a regnal title before a single name is part of the speaker’s name (`Prince Edmund`)',
    '“There was no sign of it, none at all,” Prince Edmund said. “I was at home,” Edmund added.',
    [
      { text: 'There was no sign of it, none at all,', speaker: 'Prince Edmund' },
      { text: 'I was at home,', speaker: 'Prince Edmund' },
    ],
  ],
  [
    '`they` right after a sentence whose subject is a group of people is that group',
    'Some economists doubt the plan. “It will not work,” they said. The mayor disagreed, and the council voted 5-2 on Monday night. “We have done our work,” they said.',
    [
      { text: 'It will not work,', speaker: 'Some economists' },
      { text: 'We have done our work,', speaker: 'they' },
    ],
  ],
  [
    'a title in quote marks closing the relative clause before the verb',
    'Hollis, who starred in “Northline,” said the show was “a long shot.” Ana Ruiz, who phoned in from the set of “Cold River,” said: “I never saw the script.”',
    [
      { text: 'a long shot.', speaker: 'Hollis', type: 'partial' },
      { text: 'I never saw the script.', speaker: 'Ana Ruiz', type: 'direct' },
    ],
  ],
  [
    'a participle after a clause of the subject’s own: `X rejected the plan, saying, “…”`',
    'Ana Pruitt rejected the plan, saying, “It will hurt small farms.” The governor vetoed a second bill, saying “it costs too much.”',
    [
      { text: 'It will hurt small farms.', speaker: 'Ana Pruitt', type: 'direct' },
      { text: 'it costs too much.', speaker: 'The governor', type: 'partial' },
    ],
  ],
  [
    'a narrator’s colon lead-in that names no one continues the previous quote’s speaker',
    '“I understood what we were writing,” Lindqvist said.\n\nThat process led to a realization: “It was really a song from a daughter to her mother.”',
    [
      { text: 'I understood what we were writing,', speaker: 'Lindqvist', type: 'direct' },
      { text: 'It was really a song from a daughter to her mother.', speaker: 'Lindqvist', type: 'direct' },
    ],
  ],
  [
    'a quote that fills its paragraph, signed in the next one (`– Name`, `— Name, Place`)',
    'Reviews of the show poured in.\n\n“Too long, but the songs are great.”\n\n— Rosa Pell, Kirkvale\n\n“The performance was spectacular! Must see.”\n\n– Tomas Berg',
    [
      { text: 'Too long, but the songs are great.', speaker: 'Rosa Pell', type: 'direct' },
      { text: 'The performance was spectacular! Must see.', speaker: 'Tomas Berg', type: 'direct' },
    ],
  ],
  [
    'the object of `allowed`/`prompted` is the subject of the infinitive cue after it',
    'Dropping the counters allowed Tomas Berg to claim that Pixloom wants to be “a calmer place.” The vote prompted Ana Ruiz to say that the party was “finished.”',
    [
      { text: 'a calmer place.', speaker: 'Tomas Berg', type: 'partial' },
      { text: 'finished.', speaker: 'Ana Ruiz', type: 'partial' },
    ],
  ],
  [
    'a colon lead-in whose subject comes before a quoted title (`X, who phoned in from the set of “Y,” had …:`)',
    '“The shoot was cold,” said Paul Ostrander, the director. Hollis, who phoned in from the set of “Northline,” had a similar experience: “I never saw the script.” On “Harbor Talk,” Sen. Ann Hobbs spoke about the vote. “We have the numbers.”',
    [
      { text: 'The shoot was cold,', speaker: 'Paul Ostrander', type: 'direct' },
      { text: 'I never saw the script.', speaker: 'Hollis', type: 'direct' },
      { text: 'We have the numbers.', speaker: 'Ann Hobbs', type: 'direct' },
    ],
  ],
  [
    'a pull quote (a paragraph that only repeats words quoted elsewhere) is dropped and hands on no speaker',
    '“Rockets are the hard part of any mission,” said Ray Dunmore, the program chief.\n\n“If you lack a big rocket, you lack a program,” Jim Halloway said.\n\n“Rockets are the hard part of any mission.”\n\n“We will fly again next year,” she said.',
    [
      { text: 'Rockets are the hard part of any mission,', speaker: 'Ray Dunmore', type: 'direct' },
      { text: 'If you lack a big rocket, you lack a program,', speaker: 'Jim Halloway', type: 'direct' },
      { text: 'We will fly again next year,', speaker: 'she', type: 'direct' },
    ],
  ],
  [
    'a study by X speaks as X, past an appositive; a survey by a person of a university is the person’s',
    'A 2018 study by the Institute for Coastal Economics, a Lisbon-based research group, concluded that, using standard methods, “the full cost of the levy falls on local fishermen.” According to a survey by Ana Ruiz of the University of Kirkvale, the firm has tended to “cut every copy desk.”',
    [
      {
        text: 'the full cost of the levy falls on local fishermen.',
        speaker: 'Institute for Coastal Economics',
        type: 'partial',
      },
      { text: 'cut every copy desk.', speaker: 'Ana Ruiz', type: 'partial' },
    ],
  ],
  [
    'a transcript without quote marks (`NAME: …`): each turn is its speaker’s',
    'This is a transcript of an interview with Senator Paula Grieve.\n\nROURKE: When will the bill get a floor vote?\n\nGRIEVE: I expect a vote before the end of the month.',
    [
      { text: 'When will the bill get a floor vote?', speaker: 'ROURKE', type: 'direct' },
      { text: 'I expect a vote before the end of the month.', speaker: 'Paula Grieve', type: 'direct' },
    ],
  ],
  [
    'a finding inside someone’s report (`X said that … Brussels had concluded the tariff was “…”`) is the reporter’s; `As we noted, a study concluded “…”` is the study’s',
    'Ivo Delgado said that after a long review Brussels had concluded the tariff was “not, by itself, a breach of the treaty.” As we noted last week, the Harbor Institute concluded that “the tariff costs each household $40 a month.”',
    [
      { text: 'not, by itself, a breach of the treaty.', speaker: 'Ivo Delgado', type: 'partial' },
      { text: 'the tariff costs each household $40 a month.', speaker: 'Harbor Institute', type: 'partial' },
    ],
  ],
  [
    '`Another wrote:` after one user’s quote is another speaker',
    'One user tweeted: “Imagine yelling at a teenager.”\n\nAnother wrote: “This is embarrassing.”',
    [
      { text: 'Imagine yelling at a teenager.', speaker: 'One user', type: 'direct' },
      { text: 'This is embarrassing.', speaker: 'Another', type: 'direct' },
    ],
  ],
  [
    'a name right after `said` that is the subject of what was said (`said Manila had “…”`) is not the speaker',
    'Talks resumed.\n\nA senior diplomat from Norland, speaking on condition of anonymity because he was not allowed to speak to the media, said Harbor City had “serious reservations” about the port.',
    [{ text: 'serious reservations', speaker: 'A senior diplomat from Norland' }],
  ],
  [
    '`he` by a surname two people share is the one of his gender (`Samuel Achebe` … `Grace Achebe` … `For Achebe …`)',
    'Samuel Achebe lost his workshop in the flood.\n\nHis daughter, Grace Achebe, a nurse, wanted him to retire. “I begged him,” she says.\n\nFor Achebe, the work is the point. He is carving a chair.\n\n“It will outlive me,” he says.',
    [
      { text: 'I begged him,', speaker: 'Grace Achebe' },
      { text: 'It will outlive me,', speaker: 'Samuel Achebe' },
    ],
  ],
  [
    'names with particles and Arabic articles (`Pieter van der Berg`, `Ahmed al-Hassan … al-Hassan said`)',
    'Pieter van der Berg said the talks were serious. “We are close,” van der Berg said.\n\nAhmed al-Hassan, a senior adviser, spoke next. “We are ready,” al-Hassan said.',
    [
      { text: 'We are close,', speaker: 'Pieter van der Berg' },
      { text: 'We are ready,', speaker: 'Ahmed al-Hassan' },
    ],
  ],
  [
    'two roles of one appositive after the name (`Lena Ortiz, Sam’s sister and Brightline’s chief engineer, said`)',
    '“It works,” Lena Ortiz, Sam’s sister and Brightline’s chief engineer, said.',
    [{ text: 'It works,', speaker: 'Lena Ortiz' }],
  ],
  [
    'a person by where they are from (`the Argentine said`) is no organisation; `Another posted:` is a new speaker; a surname in -man stays a name',
    'One user tweeted: “Imagine yelling at a teenager.”\n\nAnother posted: “This is embarrassing.”\n\n“It was a great day,” the Argentine said. “I played well,” the 14th-ranked Diego Schwartzman said.',
    [
      { text: 'Imagine yelling at a teenager.', speaker: 'One user' },
      { text: 'This is embarrassing.', speaker: 'Another' },
      { text: 'It was a great day,', speaker: 'the Argentine' },
      { text: 'I played well,', speaker: 'Diego Schwartzman' },
    ],
  ],
  [
    '`the statement continued` a few sentences after the issuer named it; `flat-out` is no part of the subject',
    'Harlow Records flat-out denied the claims in a statement on Monday.\n\nThe singer’s team had asked for a delay. Fans were angry. Tickets had sold out in minutes.\n\n“We never blocked any concert,” the statement continued.',
    [{ text: 'We never blocked any concert,', speaker: 'Harlow Records' }],
  ],
  [
    'an absolute `with` phrase names the speaker of its participle (`…, with the mayor accusing opponents of “…”`)',
    'Councillors clashed over the plan on Tuesday, with the mayor accusing opponents of “scaring people with fantasies.”',
    [{ text: 'scaring people with fantasies.', speaker: 'the mayor' }],
  ],
  [
    'an office with `and` in its remit before its holder is one speaker (said X)',
    '“It will stand,” said Kent Police and Crime Commissioner Matthew Scott.',
    [{ text: 'It will stand,', speaker: 'Matthew Scott', type: 'direct' }],
  ],
  [
    'a second verb after `but`: the subject of the verb of saying before it',
    'Industry analyst Greg Hale of Pine Research said the deal made sense but warned that integration would be “the hard part.”',
    [{ text: 'the hard part.', speaker: 'Greg Hale', type: 'partial' }],
  ],
  [
    '“…,” said a role, then its holder’s name, closing the sentence',
    '“We are cutting prices,” said its regional manager, Amara Dube.',
    [{ text: 'We are cutting prices,', speaker: 'Amara Dube' }],
  ],
  [
    '“…,” said an organisation’s two titles joined by `and`, then the name',
    '“We are proud,” said Harbourview president and CEO Dr. Maribel Okonkwo-Grant.',
    [{ text: 'We are proud,', speaker: 'Maribel Okonkwo-Grant' }],
  ],
  [
    '`termed` a thing a “…”: a judgement, like `called`',
    'Opposition leader Ravi Kumar termed the response “too little, too late”.',
    [{ text: 'too little, too late', speaker: 'Ravi Kumar' }],
  ],
  [
    'a `whose` clause naming another person before the verb: the subject before it',
    'Paul Reyes, whose wife, producer Gemma Reyes, runs the company, said he “respects her choice completely.”',
    [{ text: 'respects her choice completely.', speaker: 'Paul Reyes' }],
  ],
  [
    '`added` an amount is no speech; `draft replies` is no one replying',
    'Borkar said the decision added about $40 to the price but was “non-negotiable.” The assistant can summarise calls, draft replies and, according to Orvane, “understand what you meant.”',
    [
      { text: 'non-negotiable.', speaker: 'Borkar' },
      { text: 'understand what you meant.', speaker: 'Orvane' },
    ],
  ],
  [
    '`puts it` and `read aloud` are verbs of saying',
    'Head teacher Anne Morrison puts it simply: “Every new family is a reason to stay open.” Aiyana Cole took the microphone. “Please do not make us wait another year,” she read aloud to applause.',
    [
      { text: 'Every new family is a reason to stay open.', speaker: 'Anne Morrison' },
      { text: 'Please do not make us wait another year,', speaker: 'Aiyana Cole' },
    ],
  ],
  [
    '`told analysts on a conference call that … “…”`: the call is no verb',
    'Chief executive Priya Venkataraman told analysts on a conference call that demand remained “robust”.',
    [{ text: 'robust', speaker: 'Priya Venkataraman' }],
  ],
  [
    'a title in quote marks inside the subject’s `who` clause; `fumed`; `one wrote`',
    'The actress, who plays barmaid Dolly in hit drama ‘Harbour Lights’, told friends she was ‘blindsided’. ‘He wants a good look at himself,’ Carol Vane fumed. “Team Lexi forever,” one wrote.',
    [
      { text: 'blindsided', speaker: 'The actress' },
      { text: 'He wants a good look at himself,', speaker: 'Carol Vane' },
      { text: 'Team Lexi forever,', speaker: 'one' },
    ],
  ],
  [
    'a decision inside a report (`said the President had ordered “…”`) is the reporter’s; `blamed X for “…”`',
    'Press officer Bea Soriano said the President had ordered “immediate action” on the matter. Councillor Sipho Ndlovu blamed the coalition for “years of neglect.”',
    [
      { text: 'immediate action', speaker: 'Bea Soriano' },
      { text: 'years of neglect.', speaker: 'Sipho Ndlovu' },
    ],
  ],
  [
    '`asked if …` set off by commas is an aside; the verb after it reports',
    'Whitcomb, asked if he worried about his job, said only: “I sleep fine.”',
    [{ text: 'I sleep fine.', speaker: 'Whitcomb' }],
  ],
  [
    'a person’s name, then the organisation they work for, as the subject',
    'His lawyer, Corinne Vasquez of the Liberty Defense Alliance, called the decision “a landmark.”',
    [{ text: 'a landmark.', speaker: 'Corinne Vasquez' }],
  ],
  [
    '`said <Org>’s <title>, <Name>`: the person; also around a split quote',
    '“You cannot have reliability on old poles,” said Northgate’s president, Diane Okafor. “The worst is probably behind us,” said Kestrel’s head of research, Aled Morgan, “but it is close.”',
    [
      { text: 'You cannot have reliability on old poles,', speaker: 'Diane Okafor' },
      { text: 'The worst is probably behind us,', speaker: 'Aled Morgan' },
      { text: 'but it is close.', speaker: 'Aled Morgan' },
    ],
  ],
  [
    'a party label set off after a name in a `where` clause',
    'The bill now goes to the Senate, where Majority Leader Corinne Fisk, a Democrat, has said she has “serious concerns” about it.',
    [{ text: 'serious concerns', speaker: 'Corinne Fisk' }],
  ],
  [
    'an interview whose turns are labelled by surnames in Title Case',
    'Tomas Kowal became head coach in January. He sat down with sports editor Grace Adeyemi.\n\nAdeyemi: You said this was a three-year project. Are you ahead of schedule?\n\nKowal: I said that because I did not want anyone to panic.\n\nAdeyemi: What changed in the dressing room?\n\nKowal: Honestly, the players stopped being afraid of mistakes.',
    [
      { text: 'You said this was a three-year project. Are you ahead of schedule?', speaker: 'Grace Adeyemi' },
      { text: 'I said that because I did not want anyone to panic.', speaker: 'Tomas Kowal' },
      { text: 'What changed in the dressing room?', speaker: 'Grace Adeyemi' },
      { text: 'Honestly, the players stopped being afraid of mistakes.', speaker: 'Tomas Kowal' },
    ],
  ],
  [
    'a noun phrase, then the one whose verb it is (`an offer the union called “…”`)',
    'Minister Elise Garnier said the government had offered to hire 120 controllers, an offer the union called “too little and too late.”',
    [{ text: 'too little and too late.', speaker: 'the union' }],
  ],
  [
    'a quote on a bullet line is a whole quote (direct)',
    'Between the lines: Hal Mercer cautioned against reading too much into one survey.\n • “One poll is a snapshot, not a trend,” Mercer said.',
    [{ text: 'One poll is a snapshot, not a trend,', speaker: 'Hal Mercer', type: 'direct' }],
  ],
  [
    'a quote alone in its paragraph credited on the next line (`— Name, where`)',
    '“We have cut the deficit in half. Nobody else can say that.”\n— Vice President Carla Minton, speech in Reno, Nev., Sept. 12\n\nMinton has repeated the line six times.',
    [{ text: 'We have cut the deficit in half. Nobody else can say that.', speaker: 'Carla Minton' }],
  ],
];

/** Inputs where quote marks are not speech or are broken: what must NOT come out (or come out bounded). */
const NOT_SPEECH_ROWS: Array<[string, string, Expected[]]> = [
  [
    'one word between `the` and its noun is a scare quote; a name given (`the name of X is ‘…’`, `dubbed`) is a term',
    'Intro.\n\nThe board then called on the “temporary” director to resign. Locals have dubbed the tower “the Glass Needle.” According to the brochure, the name of the new café is ‘Bean There’. The union called her a “champion” for workers.',
    [{ text: 'champion', speaker: 'The union' }],
  ],
  [
    'a list of three or more short Title Case quotes is titles; two names someone was called stay speech',
    'Intro.\n\nAccording to the promoter, fans can expect the band’s hits, including “Harbor Lights,” “Cold River,” “Midnight Ferry” and others. In the debate, Ana Ruiz said the mayor had called her “Miss Piggy” and “Miss Cleaning.”',
    [
      { text: 'Miss Piggy', speaker: 'the mayor' },
      { text: 'Miss Cleaning.', speaker: 'the mayor' },
    ],
  ],
  [
    'a term inside the narrator’s sentence takes no attribution from the next sentence',
    'Intro.\n\nThe outpost sits inside a 40-kilometer “buffer corridor” on the coastal road. According to the ministry, the outpost helps stop smuggling.',
    [],
  ],
  [
    'a name given in the passive (`it is called “…”`) is a term, not speech',
    'Intro.\n\nWhen the illness occurs in a person breeding pigeons, it is called “pigeon breeder’s lung.”',
    [],
  ],
  [
    'a title in quote marks opening a paragraph does not continue the last speaker',
    'The film did well.\n\n“I still love acting,” Jane Smith said.\n\n“Wild Rose” is now available on DVD and on streaming services.',
    [{ text: 'I still love acting,', speaker: 'Jane Smith' }],
  ],
  [
    'a term in quote marks after a subject that says nothing is no one’s words',
    'The harbour has been busy all year.\n\nA scan of the hull showed a “hairline crack” pattern near the keel. Those Harbor Line “night owl” adverts ran all summer. And I can “dial up” my hours when the ferries are full. The deal could raise more if a “green shoe” is used.',
    [],
  ],
  ['scare quote after so-called', 'The council passed its so-called “reforms” on Tuesday without debate.', []],
  ['a nickname between first name and surname', 'Robert "Bobby" Lang opened the market at dawn.', []],
  ['a show title after a possessive', 'Senator Nora Quist appeared on WKRT’s “Morning Desk” to discuss the vote.', []],
  [
    'a song title after played/sang, minor words capitalised to its end',
    'The brass band played “We Will Not Give It” on the steps, and the choir sang “Harbour Lights Are On.”',
    [],
  ],
  [
    'generic `you` with a speech verb quotes no one (a short quote after it is a term)',
    'You get an interview request, and you are terrified to say “yes, of course.”',
    [],
  ],
  [
    '`phone call` is a noun, not a speech verb',
    'The aides think a "skinny" deal is not enough, a second person briefed on the phone call said.',
    [],
  ],
  [
    'a term being named (what’s called “…”, a type of “…”)',
    'Doctors were puzzled.\n\nThe patient was diagnosed with what\'s called "harbour lung," a rare illness. Harbour lung is a type of "dust pneumonitis" in which the lungs react.',
    [],
  ],
  [
    'a title used as a modifier between an article and a noun',
    '"We never take it for granted," the "Blue Harbour" actor said. Fans of the “Night Ferry” singer cheered.',
    [{ text: 'We never take it for granted,', speaker: 'actor' }],
  ],
  [
    'a title with an ampersand after `a role in`',
    'Tom Hale said she landed a key role in “War & Peace” that year.',
    [],
  ],
  [
    'a title after the kind of work it names (podcast, album, series)',
    'Tove Lind and her husband explained it on an episode of their podcast "Money Talks Back." Her album “Blue Harbour” followed. A poem called “Winter Pier, North Station,” won a prize.',
    [],
  ],
  [
    'stray opening mark stays inside its paragraph',
    'The mayor said “we will see and then left.\n\nLater that day, the council voted 5-2 to approve the budget. “It passed,” said clerk Ida Moreno.',
    [
      { text: 'we will see and then left.', speaker: 'The mayor' },
      { text: 'It passed,', speaker: 'Ida Moreno' },
    ],
  ],
  [
    'a run-in heading is not the speaker of a quote after its colon',
    'The port budget comes up for a vote on Monday.\n\nHarbour Levy Splits Council: Repairing “the crumbling quay” has topped the agenda of every session this year.',
    [],
  ],
  [
    'apostrophes in an article with no quotes are not quote marks',
    "The residents' group met at Joe's cafe on Friday. In the '80s the street's shops sold rock 'n' roll records, and the owners' sons ran the stalls. Fans' tickets sold out.",
    [],
  ],
  [
    'titles in headline case are not speech, even after a speech verb',
    'According to the band, fans can expect old hits including “Listen To The Rain,” and Ana Ruiz sang “A Change Is Gonna Come” at the rally.',
    [],
  ],
  ['an inch mark is not a quote', 'The new statue is 6\'3" tall and weighs a ton.\n\nIt was unveiled on Friday.', []],
  [
    'a label in quote marks before a name is a title given, not speech (not `as a “disgrace” Wednesday`)',
    'Intro.\n\nThe Ledger sent its “chief science officer” Mara Quill to the hearing. Tom Vale blasted the plan as a “disgrace” Wednesday.',
    [{ text: 'disgrace', speaker: 'Tom Vale' }],
  ],
  [
    'a short Title Case quote after a speech verb and its comma is speech, after a noun and its comma a title',
    'Intro.\n\nWhile some fans chanted, “Red for Teachers,” the owners met upstairs. Her favourite song, “Harbor Lights,” came last. He wrote a script called “Cold River,” then left.',
    [{ text: 'Red for Teachers,', speaker: 'some fans' }],
  ],
  [
    'a rating, a class or a diagnosis in quote marks is a term (`a rating of “hazardous”`, `diagnosed with “…”`)',
    'Intro.\n\nThe air earned a rating of “hazardous” on Monday, officials said. She was diagnosed with “feather-duvet lung,” according to a case report. Ana Ruiz called the plan a “disaster” on Friday.',
    [{ text: 'disaster', speaker: 'Ana Ruiz' }],
  ],
  [
    'a work’s name right after its noun is a title at any length',
    'Intro.\n\nIn his book “Quiet Money: A Simple and Proven Way to Stop Working Before You Turn Fifty,” Tom Lind shares the formula he used.',
    [],
  ],
  [
    'a word discussed as a word (`with “room” perhaps defined as …`) is no quote',
    'Intro.\n\nPlants need room to grow, with “room” perhaps defined as at least a meter of soil.',
    [],
  ],
  [
    'labels of a listing or a spec sheet (`WHEN:`, `PRICE: $499`) and one `UPDATE:` make no transcript',
    'The phone is light and fast.\n\nPRICE: $499\n\nSCREEN: 6.1 inches\n\nWHEN: The festival opens on Saturday at noon.\n\nWHERE: The fair runs along the old harbour front.\n\nUPDATE: The road has reopened after the storm.',
    [],
  ],
  [
    'a quote-only heading repeated in a quote right after it is no second quote (three words or more)',
    'Here are some of the highlights:\n\n“My worries have come true”\n\nHalvorsen told the committee, “I worried at the time how it would play. My worries have come true.”',
    [{ text: 'I worried at the time how it would play. My worries have come true.', speaker: 'Halvorsen' }],
  ],
  [
    'the writer’s voice: what `you` would think, a question the writer answers at once; a named speaker’s question stays',
    'Intro.\n\nYou draft your first offer and then it dawns on you — “Oh, I have to sell this every single day!” First, “Is cloud gaming the future of play?” Probably. “Is the bridge safe?” asked Mira Tove.',
    [{ text: 'Is the bridge safe?', speaker: 'Mira Tove' }],
  ],
  [
    'an advice column’s letters (`DEAR ABBY: …`, `DEAR WORRIED: …`) are no transcript',
    'DEAR ABBY: My husband bought plane tickets to India without asking me. What should I do?\n\n-- WORRIED IN OHIO\n\nDEAR WORRIED: You should tell him how you feel before the trip.',
    [],
  ],
  [
    'a caption given (`captioned “…”`) and a fact check’s labels are no one’s words',
    'Intro.\n\nShe posted a photo captioned “the edge of the world” on Sunday.\n\nCLAIM: The new bridge cost twice its budget.\n\nTHE FACTS: The bridge cost 4 percent more than planned.',
    [],
  ],
  [
    'a slogan on a placard is no one’s words',
    'Intro.\n\nProtesters waved placards reading “Our lives are not a line item.”',
    [],
  ],
  [
    'a song’s name after `launching into`',
    'Intro.\n\nThe band thanked the crowd before launching into “Glass Harbor,” its breakout single.',
    [],
  ],
  [
    'a game story’s notes by team (`Lakers: …`) are no interview',
    'The Lakers beat the Thunder on Friday.\n\nThunder: Hamidou Diallo missed his third straight game with a knee sprain.\n\nLakers: Kyle Kuzma left the court in the second quarter with an eye abrasion.\n\nThunder: Host the Lakers again on Monday night in a rematch.\n\nLakers: Visit the Thunder on Monday for the second game of the set.',
    [],
  ],
  [
    'titles: two after a plural of works, one after `had read`, a name after `which she calls`',
    'Intro.\n\nThe books, “The Long Field” and “Every Other Summer,” had been challenged by parents. Rachel Moss said she had read “Every Other Summer” with her daughter. The sculpture, which she calls “Leviathan, Deflated,” will hang in the library.',
    [],
  ],
  [
    'a name in quote marks before `fund`, `pact`, `mission` … is a name, not speech (`The “loss and damage” fund agreed in 2022 …`)',
    'The “loss and damage” fund agreed two years ago has received pledges of about $700 million, its secretariat said.',
    [],
  ],
];

/** Reported speech without quote marks. */
const INDIRECT_ROWS: Array<[string, string, Expected[]]> = [
  [
    'X pointed out that …',
    'Analyst Pia Rao pointed out that midcaps are lagging the benchmark this quarter.',
    [{ text: 'midcaps are lagging the benchmark this quarter', speaker: 'Pia Rao', type: 'indirect' }],
  ],
  [
    'X says there is …',
    'Economist Farah Haddad says there is an opportunity for small lenders this year.',
    [{ text: 'there is an opportunity for small lenders this year', speaker: 'Farah Haddad', type: 'indirect' }],
  ],
  [
    '…, according to some experts',
    'The reservoir could run dry by August, according to some experts.',
    [{ text: 'The reservoir could run dry by August', speaker: 'some experts', type: 'indirect' }],
  ],
  [
    '…, X said.',
    'The tunnel will close for repairs next spring, transport official Ben Ito said.',
    [{ text: 'The tunnel will close for repairs next spring', speaker: 'Ben Ito', type: 'indirect' }],
  ],
  [
    'a person before the organisation attached to her name',
    'Dr. Lena Hart of the County Department of Health and Human Services says the risk will last until the first frost.',
    [{ text: 'the risk will last until the first frost', speaker: 'Lena Hart', type: 'indirect' }],
  ],
  [
    'an organisation named across its small words',
    'In 2018, the Department of Parks and Recreation announced that the two piers would be rebuilt by spring.',
    [
      {
        text: 'the two piers would be rebuilt by spring',
        speaker: 'Department of Parks and Recreation',
        type: 'indirect',
      },
    ],
  ],
  [
    'a group of people before the place attached to it',
    'Health authorities in North Alder have confirmed that a second case was found this week.',
    [{ text: 'a second case was found this week', speaker: 'Health authorities', type: 'indirect' }],
  ],
  [
    'when and where it was said come before the content (`reported on Friday that`, `said in an interview that`)',
    'The Harbour Gazette reported on Friday that the ferry company is facing an audit. Mayor Ana Ruiz said in an interview that the audit was overdue.',
    [
      { text: 'the ferry company is facing an audit', speaker: 'Harbour Gazette', type: 'indirect' },
      { text: 'the audit was overdue', speaker: 'Ana Ruiz', type: 'indirect' },
    ],
  ],
  [
    '`…, X said in a statement on Wednesday.`: the content is before the speaker',
    'Two ferries were withdrawn from the northern route, the port authority said in a statement on Wednesday.',
    [{ text: 'Two ferries were withdrawn from the northern route', speaker: 'the port authority', type: 'indirect' }],
  ],
  [
    'a reporting verb with a plain noun phrase reports nothing (`wrote hundreds of songs`, `added a goal`)',
    'She wrote hundreds of songs that summer. Striker Ivo Kane added two goals and an assist. The company reported a loss of $3 million.',
    [],
  ],
  [
    '`denied being …`: a gerund clause is reported speech',
    'The harbour master has consistently denied being told about the leak.',
    [{ text: 'being told about the leak', speaker: 'The harbour master', type: 'indirect' }],
  ],
  ['generic `you` reports no one', 'You can say all you want that ferries are cheaper, and you will be right.', []],
  [
    '`according to a study published …`: the study, and a dateline is not part of the content',
    'PORT ALDER, Norland — The glacier lost more ice last summer than ever before, according to a study published on Tuesday by the institute.',
    [{ text: 'The glacier lost more ice last summer than ever before', speaker: 'a study', type: 'indirect' }],
  ],
  [
    'an attribution in a parenthetical gives the whole sentence; inside a relative clause, nothing',
    'The new rota, the union said, is doubling night shifts for drivers. The dispute is about a rota, which the union says has doubled the night shifts.',
    [
      {
        text: 'The new rota, the union said, is doubling night shifts for drivers',
        speaker: 'the union',
        type: 'indirect',
      },
    ],
  ],
  [
    'the noun before `that` speaks (`a letter that says …`), not a time word before it; a document for whoever issued it',
    'He released a letter from his doctor on Friday. A short notice on the gate said the pier would reopen in May. The board published a notice that said the pier would reopen in June.',
    [
      { text: 'the pier would reopen in May', speaker: 'A short notice on the gate', type: 'indirect' },
      { text: 'the pier would reopen in June', speaker: 'The board', type: 'indirect' },
    ],
  ],
  [
    '`according to X` as a parenthetical gives the whole sentence; a news agency dateline is not content',
    '(Harbourwire) — The port is investigating the ferry firm, according to two people familiar with the matter. One of the crews, according to port records, had worked four night shifts in a row.',
    [
      {
        text: 'The port is investigating the ferry firm',
        speaker: 'two people familiar with the matter',
        type: 'indirect',
      },
      {
        text: 'One of the crews, according to port records, had worked four night shifts in a row',
        speaker: 'port records',
        type: 'indirect',
      },
    ],
  ],
  [
    'a discourse word between commas is not the subject (`Economists, however, argue`)',
    'Most harbour economists, however, argue that consumers pay for the levy in the end.',
    [{ text: 'consumers pay for the levy in the end', speaker: 'Most harbour economists', type: 'indirect' }],
  ],
  [
    'an inverted parenthetical (`X, says Y, is …`) gives Y the whole sentence; `…, said Y, senior …` the part before',
    'The key to the levy, says Ivo Brandt, is the harbour it pays for. The levy may fall next year, said Lena Marsh, senior analyst at the port.',
    [
      {
        text: 'The key to the levy, says Ivo Brandt, is the harbour it pays for',
        speaker: 'Ivo Brandt',
        type: 'indirect',
      },
      { text: 'The levy may fall next year', speaker: 'Lena Marsh', type: 'indirect' },
    ],
  ],
  [
    'a lower-case particle inside a name is part of it',
    'Firms will pass the increase on to consumers, said Monica de Vries, a senior fellow at the institute.',
    [{ text: 'Firms will pass the increase on to consumers', speaker: 'Monica de Vries', type: 'indirect' }],
  ],
  [
    '`X of the Times reports`: the reporter, not the paper',
    'Ana Wee covers the region. Wee of the Harbour Times reports that censors told news sites to block the story.',
    [{ text: 'censors told news sites to block the story', speaker: 'Ana Wee', type: 'indirect' }],
  ],
  [
    '`X of the Courier reports`: any newspaper word',
    'Tomas Pike covers the port. Pike of the Ridgefield Courier reports that the dock workers voted to strike.',
    [{ text: 'the dock workers voted to strike', speaker: 'Tomas Pike', type: 'indirect' }],
  ],
  [
    'a passive reporting verb names no speaker (`was announced by`)',
    'The closure was announced by the port authority on Tuesday morning in Alder Bay.',
    [],
  ],
  [
    'a passive participle after the subject',
    'The levy, announced by the council last week, would fund two new ferry piers.',
    [],
  ],
  ['`it was reported that …`', 'It was reported that the harbour master had resigned after the vote on Monday.', []],
  [
    '`X were told …`: the hearers, not the speakers',
    'Dock workers were told the night shift would be cut from three crews to two.',
    [],
  ],
  ['`X is said to …`', 'The new owner is said to be a shipping family from the northern coast.', []],
  [
    'an attribution in a fronted `While …` clause: the content ends at its comma',
    'While the post claimed that the ferry was two hours late, other passengers have offered a different account.',
    [{ text: 'the ferry was two hours late', speaker: 'the post', type: 'indirect' }],
  ],
  [
    '`As X points out in its report, …`: the main clause is the content',
    'As the port authority points out in its report, the new quay cannot take the largest ships.',
    [{ text: 'the new quay cannot take the largest ships', speaker: 'the port authority', type: 'indirect' }],
  ],
  [
    '`what X said` names words, it does not report them',
    'Remember what I said about choosing your treats at the harbour fair?',
    [],
  ],
  [
    'an object pronoun after the verb is the hearer (`tell me …`)',
    'Q: So far in your journey, tell me one thing that you have learned about running a ferry.',
    [],
  ],
  [
    'a comma inside a number does not end the content',
    'The film made $320,000 in its first week at the box office, Hale said.',
    [{ text: 'The film made $320,000 in its first week at the box office', speaker: 'Hale', type: 'indirect' }],
  ],
  ['`add up` is not `add`', 'These little delays add up, and could have soured me on the whole ferry trip.', []],
  [
    '`…, said` + a role and a name closing the sentence: the speaker after the verb, the clause before it',
    'The rains are heavier near the equator, which is drier than the poles, said study co-author Ana Lind.',
    [
      {
        text: 'The rains are heavier near the equator, which is drier than the poles',
        speaker: 'Ana Lind',
        type: 'indirect',
      },
    ],
  ],
  [
    '`…, says the …` closing the sentence',
    'Symptoms appear within a week of the first contact with the animals, says the Harbor Health Agency.',
    [
      {
        text: 'Symptoms appear within a week of the first contact with the animals',
        speaker: 'Harbor Health Agency',
        type: 'indirect',
      },
    ],
  ],
  [
    'a day after the verb is not content (`said Monday the …`)',
    'Police officials said Monday the body was found near the ferry terminal late at night.',
    [
      {
        text: 'the body was found near the ferry terminal late at night',
        speaker: 'Police officials',
        type: 'indirect',
      },
    ],
  ],
  [
    '`for decades that …`',
    'Norland argued for decades that it was the first victim of the harbour dispute.',
    [{ text: 'it was the first victim of the harbour dispute', speaker: 'Norland', type: 'indirect' }],
  ],
  [
    '`As she said earlier, …`: the main clause after the adverb',
    'Ana Ruiz runs the port. As she said earlier, the ferry will not make money this year.',
    [{ text: 'the ferry will not make money this year', speaker: 'Ana Ruiz', type: 'indirect' }],
  ],
  [
    '`told X` + a clause: the hearer is not content',
    'Hawk Sawyer told lawmakers no evidence supports anything other than an accident at the quay.',
    [
      {
        text: 'no evidence supports anything other than an accident at the quay',
        speaker: 'Hawk Sawyer',
        type: 'indirect',
      },
    ],
  ],
  [
    '`told Harbor News` + a clause',
    'Tom Lind told Harbor News the crews have been in the yard since the spring.',
    [{ text: 'the crews have been in the yard since the spring', speaker: 'Tom Lind', type: 'indirect' }],
  ],
  [
    '`told the story of …` reports nothing',
    'She told the story of the ferry to anyone who would listen at the quay.',
    [],
  ],
  ['`told X to …` is an order, not a report', 'Ivo Brandt told harbour staff to look for new sources of revenue.', []],
  [
    'the narrator’s closing attribution is not content (`…, Morrison testified.`)',
    'Afterward, Hale said he had relayed the offer to the envoy from Norland, Morrison testified.',
    [{ text: 'he had relayed the offer to the envoy from Norland', speaker: 'Hale', type: 'indirect' }],
  ],
  [
    'the narrator’s `, but he gave …` is not content',
    'He said the ferry would be provided next year, but he gave no details on the payments.',
    [{ text: 'the ferry would be provided next year', speaker: 'He', type: 'indirect' }],
  ],
  [
    'a backshifted `, but it would …` is still what was said',
    'He said the ferry would run again, but it would be late every day.',
    [{ text: 'the ferry would run again, but it would be late every day', speaker: 'He', type: 'indirect' }],
  ],
  [
    'the speaker’s next report is not content (`…, and demanded …`)',
    'The union said that the new rota has confused the crews, and demanded a delay from the board.',
    [{ text: 'the new rota has confused the crews', speaker: 'The union', type: 'indirect' }],
  ],
  [
    'a second predicate of the content’s own subject stays (`…, and showed no symptoms`)',
    'The agency reports that twenty passengers were kept on board, and showed no symptoms of the fever.',
    [
      {
        text: 'twenty passengers were kept on board, and showed no symptoms of the fever',
        speaker: 'The agency',
        type: 'indirect',
      },
    ],
  ],
  [
    'a date after the verb (`announced Nov. 18 that …`)',
    'The port announced Nov. 18 that it was adding five companies to the list of ferry operators.',
    [{ text: 'it was adding five companies to the list of ferry operators', speaker: 'The port', type: 'indirect' }],
  ],
  [
    'a participle phrase between subject and verb names no speaker (`X, citing a source, reported`)',
    'The news agency, citing an anonymous government source, reported that the talks had stalled over the tariffs.',
    [{ text: 'the talks had stalled over the tariffs', speaker: 'The news agency', type: 'indirect' }],
  ],
  [
    'a negated report says nothing',
    'The companies have not disclosed how many of the ferries will be sold this year.',
    [],
  ],
  ['`declined to say`', 'The harbour master declined to say when the quay would reopen to ferries.', []],
  [
    '`claim` with a noun phrase is taking, not saying',
    'The family claimed his body and cleaned out his flat before the funeral.',
    [],
  ],
  [
    '`claim` with a clause is saying',
    'Ivo Brandt claimed the vote had been rigged against him from the start.',
    [{ text: 'the vote had been rigged against him from the start', speaker: 'Ivo Brandt', type: 'indirect' }],
  ],
  [
    'the subject before `, which … ,`, not a noun inside the relative clause',
    'The German automaker, which has focused on electric cars after its diesel scandal, says the new plant will open next year.',
    [{ text: 'the new plant will open next year', speaker: 'The German automaker', type: 'indirect' }],
  ],
  [
    '`, which` after an organisation inside an appositive leaves the person the subject',
    'Ann Roe, president of the Harbor Federation of Teachers, which represents city teachers, said the strike would go ahead.',
    [{ text: 'the strike would go ahead', speaker: 'Ann Roe', type: 'indirect' }],
  ],
  [
    'when and where it was said is not what was said',
    'Ivo Brandt, the port director, said at a Nov. 6 event at the Harrow Institute in Eastport.',
    [],
  ],
  [
    'content after several adverbials and `that`',
    'The Harbour Company announced on Sept. 30 in a filing that it was withdrawing its offer for the ferry line.',
    [{ text: 'it was withdrawing its offer for the ferry line', speaker: 'Harbour Company', type: 'indirect' }],
  ],
  [
    '`According to X,` opening the sentence: the clause after its comma',
    'Trucks crossed again on Monday. According to the port agency, the old bridge is safe for heavy trucks until spring.',
    [{ text: 'the old bridge is safe for heavy trucks until spring', speaker: 'the port agency', type: 'indirect' }],
  ],
  [
    '`According to X, published in …,`: past the source’s participle phrase',
    'But according to a study, published in a medical journal in May, the patient had been ill for months.',
    [{ text: 'the patient had been ill for months', speaker: 'a study', type: 'indirect' }],
  ],
  [
    'a group named without a determiner speaks (`according to police`, `people familiar with the talks said`)',
    'The bank was robbed on Friday night, according to police. The minister will resign next week, people familiar with the talks said.',
    [
      { text: 'The bank was robbed on Friday night', speaker: 'police', type: 'indirect' },
      { text: 'The minister will resign next week', speaker: 'people familiar with the talks', type: 'indirect' },
    ],
  ],
  [
    'the narrator’s `, but it did not say …` and a second `, but he said …` end the report; the second is a report of its own',
    'Harbor Bakery says its new oven will halve waiting times, but it did not say when the oven will arrive. The coach said it depends on the weather, but he said that he expects the match to go ahead.',
    [
      { text: 'its new oven will halve waiting times', speaker: 'Harbor Bakery', type: 'indirect' },
      { text: 'it depends on the weather', speaker: 'The coach', type: 'indirect' },
      { text: 'he expects the match to go ahead', speaker: 'he', type: 'indirect' },
    ],
  ],
  [
    'commas inside the content stay when only the comma before the speaker parts them (`…, her doctors say.`)',
    'The rug caused her to develop a strange, painful rash that lasted for months, her doctors say. Officers found cash, bicycles, tools, and forged passports, Chief Moreno said.',
    [
      {
        text: 'The rug caused her to develop a strange, painful rash that lasted for months',
        speaker: 'her doctors',
        type: 'indirect',
      },
      { text: 'Officers found cash, bicycles, tools, and forged passports', speaker: 'Moreno', type: 'indirect' },
    ],
  ],
  [
    '`that,` and an aside before `that` are not content (`says that, in such a setup, …`; `say, in effect, that …`)',
    'The carmaker says that, in such a setup, the van could reach 60 mph in six seconds. All of the new apps say, in effect, that they are on a mission to help savers.',
    [
      { text: 'in such a setup, the van could reach 60 mph in six seconds', speaker: 'The carmaker', type: 'indirect' },
      { text: 'they are on a mission to help savers', speaker: 'All of the new apps', type: 'indirect' },
    ],
  ],
  [
    'when and where after `…, X said` is not the content (`said on Monday, after months of …`; `said while touring …`)',
    'The old bridge will become a footpath, the city’s transport chief said on Monday, after months of arguments about it. The plan forces the firm to rethink its plans, Larsen said while touring the plant.',
    [
      { text: 'The old bridge will become a footpath', speaker: 'the city’s transport chief', type: 'indirect' },
      { text: 'The plan forces the firm to rethink its plans', speaker: 'Larsen', type: 'indirect' },
    ],
  ],
  [
    '`now` between the subject and the verb is not part of the speaker',
    'Whatever their origin, scientists now say that these cells act as an early warning system.',
    [{ text: 'these cells act as an early warning system', speaker: 'scientists', type: 'indirect' }],
  ],
  [
    '`testified that` and `maintained that` report; `testified before …` does not',
    'Morrow testified that Keller had become frustrated over his exclusion from meetings. The agency has maintained that the rocket will be ready next year. Later in the day, Ruiz testified before the committee.',
    [
      { text: 'Keller had become frustrated over his exclusion from meetings', speaker: 'Morrow', type: 'indirect' },
      { text: 'the rocket will be ready next year', speaker: 'The agency', type: 'indirect' },
    ],
  ],
  [
    'a first verb that reports nothing, then one that does (`Ross asked Dunn about it, but Dunn said …`)',
    'Ross asked Dunn about the meetings, but Dunn said the question was outside the scope of the hearing.',
    [{ text: 'the question was outside the scope of the hearing', speaker: 'Dunn', type: 'indirect' }],
  ],
  [
    'a report in a clause before the clause that holds a quote (`…, but he feared “…”`; `…, warning: “…”`)',
    'Ivo Brandt said he was not worried about the letter itself, but he did fear “serious fallout” if it leaked. Ana Chen said that the army could be sent into the capital, warning: “They are ready to move.”',
    [
      { text: 'he was not worried about the letter itself', speaker: 'Ivo Brandt', type: 'indirect' },
      { text: 'the army could be sent into the capital', speaker: 'Ana Chen', type: 'indirect' },
    ],
  ],
  [
    'a term in quote marks does not stop the sentence’s reported speech; `said after the match that`',
    'Because users switch between “creators” and ordinary accounts, Stier says he noticed the lines between the groups have blurred. Coach Dana Pruitt said after the match that the team considered the win essential.',
    [
      { text: 'he noticed the lines between the groups have blurred', speaker: 'Stier', type: 'indirect' },
      { text: 'the team considered the win essential', speaker: 'Dana Pruitt', type: 'indirect' },
    ],
  ],
  [
    'the writer’s clause after the report ends it (`, although … we …`, `— but …`, a `While X said A,` main clause)',
    'The memo claims the bridge will reopen in March, although given the contractor’s record, we would not bet on it. Both hostages claimed that they were being treated well — but it is impossible to know whether they were forced to speak. While press aide Dana Whitlock said the visit was simply an early checkup, he did not split that checkup over several days before.',
    [
      { text: 'the bridge will reopen in March', speaker: 'The memo', type: 'indirect' },
      { text: 'they were being treated well', speaker: 'Both hostages', type: 'indirect' },
      { text: 'the visit was simply an early checkup', speaker: 'Dana Whitlock', type: 'indirect' },
    ],
  ],
  [
    'more sources and cues: `both X and Y told`, `multiple people`, `volunteered that`, `The testers state that`',
    'However, both Alvarez and Brennan told reporters that the new fee was unfair to renters. Multiple officials said the sale was blocked by the board. They volunteered that on two occasions they had written to the publisher. The testers state that the two modes are similar in power.',
    [
      { text: 'the new fee was unfair to renters', speaker: 'Alvarez and Brennan', type: 'indirect' },
      { text: 'the sale was blocked by the board', speaker: 'Multiple officials', type: 'indirect' },
      { text: 'on two occasions they had written to the publisher', speaker: 'Multiple officials', type: 'indirect' },
      { text: 'the two modes are similar in power', speaker: 'The testers', type: 'indirect' },
    ],
  ],
  [
    '`…, X said, citing …` reports the clause before; `X, who denies the charges, has …` reports nothing',
    'The driver was taken to a hospital in the northern district, the broadcaster said, citing the local fire brigade. Marlowe, who denies the charges, has remained in Portugal for five years.',
    [
      {
        text: 'The driver was taken to a hospital in the northern district',
        speaker: 'the broadcaster',
        type: 'indirect',
      },
    ],
  ],
  [
    'evidence that reveals or suggests, a hypothetical speaker, and a noun after two names are no reported speech',
    'Blood tests revealed that the man had an allergy to feathers. Those facts suggest that the receptors evolved early. Others, though, might argue that the money would be better spent elsewhere. The case will drag on, before the Horowitz and Durham reports, before the public wonders where the evidence is.',
    [],
  ],
  [
    'only when and where, or quoted words, after the verb is no reported speech',
    'Kali Ruiz explained on an episode of their podcast “Beyond Money.” South Dakota says, ‘Meth. We are on it,’ and the state wants everyone to hear it.',
    [],
  ],
  [
    'a verb with a noun phrase, then a new clause after a comma: the participle reports, not the verb (`denied the claim, saying …`)',
    'Tom Lane has always denied the claim, saying the tune was his own. If it seemed like Lane had written the letter himself, it is because he had.',
    [{ text: 'the tune was his own', speaker: 'Tom Lane', type: 'indirect' }],
  ],
  [
    'the writer’s own voice is narration, not reported speech (`we confirmed that`, `Our testing suggests that`)',
    'Normally the offer ends on Friday, but we confirmed that buyers still receive the bag this weekend. Our initial testing suggests that the new laptop stays cool under load.',
    [],
  ],
  [
    'a second report after the quote: `, adding that …`',
    '“We will win,” coach Ana Ruiz said, adding that the team had trained hard all winter.',
    [{ text: 'the team had trained hard all winter', speaker: 'Ana Ruiz', type: 'indirect' }],
  ],
  [
    'a second report after a partial quote: `and said …`',
    'The company called the ruling “deeply flawed” and said it would appeal to the state supreme court.',
    [{ text: 'it would appeal to the state supreme court', speaker: 'The company', type: 'indirect' }],
  ],
  [
    'a second report after an adverbial: `said in a statement on Friday, noting that …`',
    '“It is over,” Ana Ruiz said in a statement on Friday, noting that the club had already hired a new coach.',
    [{ text: 'the club had already hired a new coach', speaker: 'Ana Ruiz', type: 'indirect' }],
  ],
  [
    'an act after the quote is no report (`and walked off`, `adding a note of thanks`)',
    'Ana Ruiz called the loss “painful” and walked off the field. “It is over,” she said, adding a note of thanks to the fans.',
    [],
  ],
  [
    'a participle report after the subject’s own clause: `X vetoed the bill, saying …`',
    'Governor Ana Pruitt vetoed the bill on Friday, saying it would hurt small farms.',
    [{ text: 'it would hurt small farms', speaker: 'Ana Pruitt', type: 'indirect' }],
  ],
  [
    'two reports of one speaker: `said A, adding that B`, `said A and warned that B`',
    'Ana Pruitt said the plan was dead, adding that she would veto it again next year. Tom Vale said the vote was close and warned that the count would take a week.',
    [
      { text: 'the plan was dead', speaker: 'Ana Pruitt', type: 'indirect' },
      { text: 'she would veto it again next year', speaker: 'Ana Pruitt', type: 'indirect' },
      { text: 'the vote was close', speaker: 'Tom Vale', type: 'indirect' },
      { text: 'the count would take a week', speaker: 'Tom Vale', type: 'indirect' },
    ],
  ],
  [
    'the subject after a dateline, up to a verb in the past that does not end in -ed',
    'KIRKVALE – Two prison guards were charged Tuesday with falsifying logs, stating they had checked every cell hourly. Some of the mayor’s defenders took to social media, claiming that the audit was rigged.',
    [
      { text: 'they had checked every cell hourly', speaker: 'Two prison guards', type: 'indirect' },
      { text: 'the audit was rigged', speaker: 'Some of the mayor’s defenders', type: 'indirect' },
    ],
  ],
  [
    '`according to X, adding to …` is one report (the participle does not report)',
    'The lake is drying up, according to two people familiar with the survey, adding to a series of problems for the town.',
    [{ text: 'The lake is drying up', speaker: 'two people familiar with the survey', type: 'indirect' }],
  ],
  [
    'a clause that ends in a name is not the speaker’s appositive (`A man attacked Tom Lyle, prosecutors said`)',
    'A Brenton man attacked Tom Lyle, prosecutors said. The road will stay closed until Easter, the attorney said in a statement.',
    [
      { text: 'A Brenton man attacked Tom Lyle', speaker: 'prosecutors', type: 'indirect' },
      { text: 'The road will stay closed until Easter', speaker: 'the attorney', type: 'indirect' },
    ],
  ],
  [
    '`…, the Department of X said in a statement`, `…, a city engineer told the Herald`',
    'The bridge will stay closed until May, the Department of Roads said in a statement. The tunnel will reopen in June, a city engineer told the Westmoor Herald.',
    [
      { text: 'The bridge will stay closed until May', speaker: 'Department of Roads', type: 'indirect' },
      { text: 'The tunnel will reopen in June', speaker: 'a city engineer', type: 'indirect' },
    ],
  ],
  [
    'a quantifier as the subject (`Some said`, `Many argued`) and a three-word clause (`the guard died`)',
    'Some said they could no longer afford fuel for their tractors. Many argued that the plan would fail. The night nurse says the guard died.',
    [
      { text: 'they could no longer afford fuel for their tractors', speaker: 'Some', type: 'indirect' },
      { text: 'the plan would fail', speaker: 'Many', type: 'indirect' },
      { text: 'the guard died', speaker: 'The night nurse', type: 'indirect' },
    ],
  ],
  [
    'three words that are no clause, short content before the cue and a second source report nothing',
    'After the novelist Ana Ruiz explained them to me, I read on. To the pears, add the juice of one lemon. No new cases were found, the health commission said, according to Reuters.',
    [{ text: 'No new cases were found', speaker: 'the health commission', type: 'indirect' }],
  ],
  [
    '`according to X` after a verb that reports nothing (`…, where the group maintains an office, according to …`)',
    'The prisoners were freed in Lorvik, where the movement maintains an office, according to a rebel spokesman.',
    [
      {
        text: 'The prisoners were freed in Lorvik, where the movement maintains an office',
        speaker: 'a rebel spokesman',
        type: 'indirect',
      },
    ],
  ],
  [
    'the writer’s own clause after a comma ends the report (`…, I rushed to the store`)',
    'On the day that Pexa announced its new televisions were shipping, I rushed to the store to buy one.',
    [{ text: 'its new televisions were shipping', speaker: 'Pexa', type: 'indirect' }],
  ],
  [
    'what someone should or must say is no report (`as others should tell them`)',
    'It is up to the council to open the books, as others should tell them. Critics must argue that the plan is too costly.',
    [],
  ],
  [
    'a reported question (`asked whether …`, `asked the minister how …`); `asked for`, `asked him to` report no words',
    'Ana Ruiz asked whether the council had read the report. Reporters asked the minister how he could be certain the dam was safe. Tom Vale asked for a recount. Ana Ruiz asked him to resign.',
    [
      { text: 'whether the council had read the report', speaker: 'Ana Ruiz', type: 'indirect' },
      { text: 'how he could be certain the dam was safe', speaker: 'Reporters', type: 'indirect' },
    ],
  ],
  [
    'verbs that report nothing before the one that does (`pleaded guilty to charges he threatened X, prosecutors said`)',
    'A Reno man pleaded guilty to charges he threatened Lara Wins, prosecutors said Monday.',
    [
      {
        text: 'A Reno man pleaded guilty to charges he threatened Lara Wins',
        speaker: 'prosecutors',
        type: 'indirect',
      },
    ],
  ],
  [
    'a second verb of the subject after `and` (`smiled and said`, `deny it and say`)',
    'Mayor Ada Voss smiled and said the city would pay for repairs. Officials deny any wrongdoing and say the contract was awarded fairly.',
    [
      { text: 'the city would pay for repairs', speaker: 'Ada Voss', type: 'indirect' },
      { text: 'the contract was awarded fairly', speaker: 'Officials', type: 'indirect' },
    ],
  ],
  [
    '`, as X (very recently) reported,` set inside the sentence gives the whole sentence',
    'The fungus, as the Herald very recently reported, is spreading along the coast.',
    [
      {
        text: 'The fungus, as the Herald very recently reported, is spreading along the coast',
        speaker: 'Herald',
        type: 'indirect',
      },
    ],
  ],
  [
    '`joked`, `mentioned`, `recalled` that …; a fronted `And once …` clause ends at its comma',
    'Marta Quill joked that she is no opera singer. And once the guide mentioned that the hall was cold, everyone left. The firm recalled 4,000 cars.',
    [
      { text: 'she is no opera singer', speaker: 'Marta Quill', type: 'indirect' },
      { text: 'the hall was cold', speaker: 'the guide', type: 'indirect' },
    ],
  ],
  [
    '`according to a report in X` / `a study by X`: the publisher speaks',
    'Sales fell 8 percent, according to a report in the Harbor Leader. According to a study by the Centre for Fair Pay, wages rose 3 percent.',
    [
      { text: 'Sales fell 8 percent', speaker: 'Harbor Leader', type: 'indirect' },
      { text: 'wages rose 3 percent', speaker: 'Centre for Fair Pay', type: 'indirect' },
    ],
  ],
  [
    'a site name with its dash is no content, nor the narrator’s `, which will reportedly …`',
    'HarborNews.Net - The bridge will close in May, officials said. The mayor said the council would meet on Friday, which will reportedly focus on the budget.',
    [
      { text: 'The bridge will close in May', speaker: 'officials', type: 'indirect' },
      { text: 'the council would meet on Friday', speaker: 'The mayor', type: 'indirect' },
    ],
  ],
  [
    '`X published a blog post that said …`: X speaks, not the post',
    'Brindle changed its delivery rules on Monday. Brindle published a blog post that said shoppers could now get free delivery.',
    [{ text: 'shoppers could now get free delivery', speaker: 'Brindle', type: 'indirect' }],
  ],
  [
    'research that suggests is evidence, not a speaker; a reference number is not what was said',
    'Other research suggests that sleep matters more than diet (21). The nurse said the patient recovered faster than expected (21).',
    [{ text: 'the patient recovered faster than expected', speaker: 'The nurse', type: 'indirect' }],
  ],
  [
    'an inverted parenthetical with a place after its appositive, or with no appositive before an -s verb',
    'This approach, says Nadia Ferro, an economist at the University of Leeds, Yorkshire, helps account for the gap. The second method, says Tom Vale, accounts for the rest.',
    [
      {
        text: 'This approach, says Nadia Ferro, an economist at the University of Leeds, Yorkshire, helps account for the gap',
        speaker: 'Nadia Ferro',
        type: 'indirect',
      },
      { text: 'The second method, says Tom Vale, accounts for the rest', speaker: 'Tom Vale', type: 'indirect' },
    ],
  ],
  [
    'a report before `and added, “…”`, with a term in quote marks inside it',
    'Pell said she never used the word “lazy” and added, “I would never describe my staff that way.”',
    [{ text: 'she never used the word “lazy”', speaker: 'Pell', type: 'indirect' }],
  ],
  [
    'the name of a deal in quote marks does not hide the report around it (`the “open skies” agreement`)',
    'The ministry said it remains committed to the “open skies” agreement with its neighbours.',
    [
      {
        text: 'it remains committed to the “open skies” agreement with its neighbours',
        speaker: 'The ministry',
        type: 'indirect',
      },
    ],
  ],
  [
    'two roles speaking together are kept together (`The mayor and the council stressed`)',
    'The mayor and the council stressed the plan would not raise taxes.',
    [{ text: 'the plan would not raise taxes', speaker: 'The mayor and the council', type: 'indirect' }],
  ],
  [
    'the head of a subject with a modifier speaks, not the last noun of the modifier',
    'The lawyers representing the workers and the union say that the deal is unfair.',
    [{ text: 'the deal is unfair', speaker: 'The lawyers', type: 'indirect' }],
  ],
  [
    'a live blog’s time stamp is no part of the speaker (`09:30 The police said`)',
    '09:30 The police said the storm had strengthened overnight.\n\n09:45 The National Weather Service said the river would crest at noon.',
    [
      { text: 'the storm had strengthened overnight', speaker: 'The police', type: 'indirect' },
      { text: 'the river would crest at noon', speaker: 'National Weather Service', type: 'indirect' },
    ],
  ],
  [
    'a fronted participle phrase (`Speaking to the Herald,`) is no reported content; a content clause that opens with `In` is',
    'Speaking to the Harnby Herald, Oliver Blunt said: “Green belt means green belt.” In the past two years the agency has hired 40 staff, the director said.',
    [{ text: 'In the past two years the agency has hired 40 staff', speaker: 'the director', type: 'indirect' }],
  ],
  [
    'a verb inside an appositive before the verb describes the speaker (`, the first witness to testify, said`)',
    'Dale Purcell, the first witness to testify, said that the fire had started in two places. Ana Ruiz, the second witness called, testified that she saw smoke rising from the roof.',
    [
      { text: 'the fire had started in two places', speaker: 'Dale Purcell', type: 'indirect' },
      { text: 'she saw smoke rising from the roof', speaker: 'Ana Ruiz', type: 'indirect' },
    ],
  ],
  [
    'a title before the speaker is no reported content (`Local shopkeepers’ association chair Pat Ng said:`)',
    'Local shopkeepers’ association chair Pat Ng said: “The road works are killing trade.”',
    [],
  ],
  [
    '`It` after an institution spoke unnamed (`the military said`) is that institution',
    'Two soldiers were killed in a helicopter crash in the north, the military said on Wednesday.\n\nIt did not give the crash site and said it was withholding the names of those killed.',
    [
      {
        text: 'Two soldiers were killed in a helicopter crash in the north',
        speaker: 'the military',
        type: 'indirect',
      },
      { text: 'it was withholding the names of those killed', speaker: 'the military', type: 'indirect' },
    ],
  ],
  [
    'a participle that only shows or points after `X said,` (`offering the example of …`) is no content; the clause before is',
    'Good targeting makes a small budget go further, Lena Moreno said, offering the example of a recent road safety campaign.',
    [{ text: 'Good targeting makes a small budget go further', speaker: 'Lena Moreno', type: 'indirect' }],
  ],
  [
    '`according to` a source noun and who gave it (`reports received by X`, `figures from X`); backed-up accounts are the source',
    'At least 40 miners have been hurt, according to credible reports received by the Miners Union. Unemployment rose to 9 percent, according to figures from the regional statistics office. According to eyewitness accounts corroborated by phone footage, guards fired into the crowd. The bridge will reopen in June, according to plan.',
    [
      { text: 'At least 40 miners have been hurt', speaker: 'Miners Union', type: 'indirect' },
      { text: 'Unemployment rose to 9 percent', speaker: 'the regional statistics office', type: 'indirect' },
      { text: 'guards fired into the crowd', speaker: 'eyewitness accounts', type: 'indirect' },
    ],
  ],
  [
    'a document of a named owner speaks for the owner (`The Ledger’s report today claims`, `Harlan’s earlier testimony that concluded`)',
    'The Ledger’s report today claims that Dana Voss will return to the cast. He then referred to Tom Harlan’s earlier testimony that concluded there was only a 40 percent chance of success.',
    [
      { text: 'Dana Voss will return to the cast', speaker: 'Ledger', type: 'indirect' },
      { text: 'there was only a 40 percent chance of success', speaker: 'Tom Harlan', type: 'indirect' },
    ],
  ],
  [
    'a report in brackets: its subject after the bracket, its content up to the closing bracket',
    '(Norvik Capital on Tuesday announced that it had become the largest shareholder.) The firm cut 80 jobs last spring (the company later said it had no plans for further cuts) and closed two depots.',
    [
      { text: 'it had become the largest shareholder', speaker: 'Norvik Capital', type: 'indirect' },
      { text: 'it had no plans for further cuts', speaker: 'the company', type: 'indirect' },
    ],
  ],
  [
    'a share of a group speaks as written (`Fifty-one percent of Democrats say`, `most Britons say`)',
    'Fifty-one percent of Democrats say the party should move left. Most Britons say they want a new vote on the deal.',
    [
      { text: 'the party should move left', speaker: 'Fifty-one percent of Democrats', type: 'indirect' },
      { text: 'they want a new vote on the deal', speaker: 'Most Britons', type: 'indirect' },
    ],
  ],
  [
    'an admission or a denial of an act (`admitted to threatening …`, `denied taking …`); not `denied the request`, `acknowledged growing concerns`',
    'Shortly before the raid, Brennan admitted to threatening the clerk. Brennan denied taking the money from the till. The judge denied the request for a delay. The minister acknowledged growing concerns about the plan.',
    [
      { text: 'threatening the clerk', speaker: 'Brennan', type: 'indirect' },
      { text: 'taking the money from the till', speaker: 'Brennan', type: 'indirect' },
    ],
  ],
  [
    'reported content ends before the narrator’s contrast with someone else (`, while the opposition condemned …`); not at `while` inside it',
    'The mayor stressed the plan would not raise taxes, while the opposition condemned the rushed vote. The mayor stressed that the plan, while costly, would not raise taxes.',
    [
      { text: 'the plan would not raise taxes', speaker: 'The mayor', type: 'indirect' },
      { text: 'the plan, while costly, would not raise taxes', speaker: 'The mayor', type: 'indirect' },
    ],
  ],
  [
    '`…, X said, adding that …`: the clause before the verb and the second report (`demand had fallen`)',
    'The plant will close in June, the company said, adding that demand had fallen. People are tired of hearing about viruses, Tom Ruiz said, and that makes his job harder.',
    [
      { text: 'The plant will close in June', speaker: 'the company', type: 'indirect' },
      { text: 'demand had fallen', speaker: 'the company', type: 'indirect' },
      { text: 'People are tired of hearing about viruses', speaker: 'Tom Ruiz', type: 'indirect' },
    ],
  ],
  [
    'wire copy: `according to state media`, a dateline with the agency (`LONDON, May 3 (Reuters) -`), `…, said Constable X of the police` after a time',
    'LONDON, May 3 (Reuters) - Delmont Freight will cut about 1,200 jobs, the company said on Tuesday. The victims were young, according to state media. Eleven cars left the track shortly after 4 a.m., said Constable Joanne Pruitt of the provincial police.',
    [
      { text: 'Delmont Freight will cut about 1,200 jobs', speaker: 'the company', type: 'indirect' },
      { text: 'The victims were young', speaker: 'state media', type: 'indirect' },
      { text: 'Eleven cars left the track shortly after 4 a.m', speaker: 'Joanne Pruitt', type: 'indirect' },
    ],
  ],
  [
    'media sourcing: `according to reports in Spain`, `according to media reports`, `the newspaper X reported on Monday`',
    'Real Estrella are close to a deal for Tomas Lindgren, according to reports in Spain. The club will pay 40 million euros, the newspaper Marca Diario reported on Monday. The fee is a record, according to media reports.',
    [
      { text: 'Real Estrella are close to a deal for Tomas Lindgren', speaker: 'reports in Spain', type: 'indirect' },
      { text: 'The club will pay 40 million euros', speaker: 'Marca Diario', type: 'indirect' },
      { text: 'The fee is a record', speaker: 'media reports', type: 'indirect' },
    ],
  ],
  [
    'nothing said: the article speaking of itself, `said as much`, `said so for years`; `said so far …` is a report',
    'Correction: A previous version of this story said the vote was 4-3. The engineers said as much in a 2021 report. Critics have said so for years. Ana Ruiz said so far 20 people have died.',
    [{ text: 'so far 20 people have died', speaker: 'Ana Ruiz', type: 'indirect' }],
  ],
  [
    'another side’s report after `, while` / `, but` (after a partial quote too); `countered that`, `responded that`; not `responded quickly`',
    'Alicia Moreno said that she was less optimistic, while Senator Ivo Hart argued that the bill would pass. Howard Brisco told reporters that his caucus would not accept “another blank check,” while the mayor countered that the plan would gut inspections. The fire brigade responded quickly.',
    [
      { text: 'she was less optimistic', speaker: 'Alicia Moreno', type: 'indirect' },
      { text: 'the bill would pass', speaker: 'Ivo Hart', type: 'indirect' },
      { text: 'the plan would gut inspections', speaker: 'the mayor', type: 'indirect' },
    ],
  ],
  [
    'an -ing adjective after its determiner stays in the subject (`An official from the opposing delegation said`)',
    'An official from the opposing delegation said his side had not agreed to discuss prisoners first.',
    [
      {
        text: 'his side had not agreed to discuss prisoners first',
        speaker: 'An official from the opposing delegation',
        type: 'indirect',
      },
    ],
  ],
  [
    'a role with a company or a team before the name (`Harbor CEO Daniel Hart`, `Leeds boss Ian Mackridge …, claiming`) is the person; `friends of Mike Ford` stay friends',
    'Harbor CEO Daniel Hart has told staff he wants the company to turn a profit by 2022. Leeds boss Ian Mackridge was furious, claiming his goalkeeper had been fouled. But multiple friends of Mike Ford had told me that they were suppressing his work.',
    [
      { text: 'he wants the company to turn a profit by 2022', speaker: 'Daniel Hart', type: 'indirect' },
      { text: 'his goalkeeper had been fouled', speaker: 'Ian Mackridge', type: 'indirect' },
      { text: 'they were suppressing his work', speaker: 'multiple friends of Mike Ford', type: 'indirect' },
    ],
  ],
  [
    'a source ends before a relative clause without `who` (`according to several people I spoke to`)',
    'But according to several people I spoke to, the real issue was the money.',
    [{ text: 'the real issue was the money', speaker: 'several people', type: 'indirect' }],
  ],
  [
    '`warned X that …` without the hearer; `warned of floods` reports nothing; a title before the name after the comma (`…, chief executive X said in an interview`)',
    'The inspector warned Oduya that the wall could collapse within weeks. The mayor warned of floods that could hit the town. Sales rose 12 percent in the quarter, chief executive Devika Raman said in an interview.',
    [
      { text: 'the wall could collapse within weeks', speaker: 'The inspector', type: 'indirect' },
      { text: 'Sales rose 12 percent in the quarter', speaker: 'Devika Raman', type: 'indirect' },
    ],
  ],
  [
    'a report inside a fronted source is its own speaker’s; a capitalised word modifying a lower-case head is no name; a document’s owner',
    'According to Amadi, several shop owners had told her that the rents had doubled. The members were released in Doha, according to a Taliban representative. According to The Verge’s review, the platform does not run the game well.',
    [
      { text: 'the rents had doubled', speaker: 'several shop owners', type: 'indirect' },
      { text: 'The members were released in Doha', speaker: 'a Taliban representative', type: 'indirect' },
      { text: 'the platform does not run the game well', speaker: 'Verge', type: 'indirect' },
    ],
  ],
  [
    '`told reporters he had …` keeps the clause (not from a later relative `that`); `…, co-founder and chief executive X said in an interview`',
    'Pike told reporters he had been persuaded by an amendment that phases in the increase. The firm will open a plant in Ohio, co-founder and chief executive Devika Raman said in an interview.',
    [
      { text: 'he had been persuaded by an amendment that phases in the increase', speaker: 'Pike', type: 'indirect' },
      { text: 'The firm will open a plant in Ohio', speaker: 'Devika Raman', type: 'indirect' },
    ],
  ],
  [
    '`questioned whether …` is a reported question; `questioned the suspect` reports nothing',
    'The senator questioned whether the plan would survive a court challenge. Police questioned the suspect for six hours.',
    [{ text: 'whether the plan would survive a court challenge', speaker: 'The senator', type: 'indirect' }],
  ],
  [
    'a second `and that` clause after a partial quote',
    'The mayor said that the budget was “tight but fair” and that no services would be cut this year.',
    [{ text: 'no services would be cut this year', speaker: 'The mayor', type: 'indirect' }],
  ],
  [
    '`and that was …` after a partial quote is no second report',
    'Ruiz said the vote was “a disgrace” and that was the end of the meeting.',
    [],
  ],
  [
    'an office with `and` in its remit before its holder is one speaker (X said)',
    'Health and Human Services Secretary Ana Ruiz said the rule would stand.',
    [{ text: 'the rule would stand', speaker: 'Ana Ruiz', type: 'indirect' }],
  ],
  [
    'control: a person and an office-holder are two',
    'Ann Hale and Labor Secretary Jo Kim said the deal was done.',
    [{ text: 'the deal was done', speaker: 'Ann Hale and Labor Secretary Jo Kim', type: 'indirect' }],
  ],
  [
    'X, an appositive, said + a clause: the clause is no speaker after the verb',
    'Jane Okoro, a nurse, said the ward needed more staff. Sam Reyes, a porter, said patients waited hours.',
    [
      { text: 'the ward needed more staff', speaker: 'Jane Okoro', type: 'indirect' },
      { text: 'patients waited hours', speaker: 'Sam Reyes', type: 'indirect' },
    ],
  ],
  [
    'a name, an age, an address and a town before the verb: the name',
    'Connor Blake, 27, of Marsh Lane, Welford, told the court he had been drinking.',
    [{ text: 'he had been drinking', speaker: 'Connor Blake', type: 'indirect' }],
  ],
  [
    'a first name from a place in an appositive: the person',
    'A second caller, Derek from Thornbury, said he had been waiting six weeks.',
    [{ text: 'he had been waiting six weeks', speaker: 'Derek', type: 'indirect' }],
  ],
  [
    'people in a place: the people, not the place',
    'Graziers in western Queensland say the drought has cost them dearly.',
    [{ text: 'the drought has cost them dearly', speaker: 'Graziers in western Queensland', type: 'indirect' }],
  ],
  [
    'a person of a place ending in a common noun: the person',
    'Farmer Ganpat Shinde of Ner taluka said the rains came late.',
    [{ text: 'the rains came late', speaker: 'Ganpat Shinde', type: 'indirect' }],
  ],
  [
    'a role, its holder set off by commas, another verb, then the verb of saying: the holder',
    'Last week the mayor of Brackenridge, Tom Feeney, stood in front of a depot and told reporters that the buses would run.',
    [{ text: 'the buses would run', speaker: 'Tom Feeney', type: 'indirect' }],
  ],
  [
    'a bare plural of people, another verb, then the verb of saying',
    'Firefighters battled the blaze for hours and said the cause was unclear.',
    [{ text: 'the cause was unclear', speaker: 'Firefighters', type: 'indirect' }],
  ],
  [
    'a role for an organisation, then the organisation’s appositive: the role',
    'A spokesman for Corvan Rail, the contractor, insisted the line was safe.',
    [{ text: 'the line was safe', speaker: 'A spokesman for Corvan Rail', type: 'indirect' }],
  ],
  [
    'an owner’s department with an -ing modifier: the whole phrase',
    'The council’s planning department said the scheme would go ahead.',
    [{ text: 'the scheme would go ahead', speaker: 'The council’s planning department', type: 'indirect' }],
  ],
  [
    'a name, an age and a relative clause before the verb: the name',
    'Shopkeeper Imran Qureshi, 58, who helped raise funds, said the hall would reopen.',
    [{ text: 'the hall would reopen', speaker: 'Imran Qureshi', type: 'indirect' }],
  ],
  [
    'a title opening with a verb form (`State`), another verb, then the verb of saying',
    'State Representative Angela Moberly toured the damage and said she would ask the governor for help.',
    [{ text: 'she would ask the governor for help', speaker: 'Angela Moberly', type: 'indirect' }],
  ],
  [
    'a title in quote marks inside a reported clause is no quote; the clause is reported speech',
    'Pop singer Mara Vance has postponed her “Glass Harbor” tour, her management company said. Filming will begin in March on the sequel to “The Salt Road,” the studio confirmed. The council approved a scheme known locally as “the Bridge to Nowhere”, a spokesman said.',
    [
      {
        text: 'Pop singer Mara Vance has postponed her “Glass Harbor” tour',
        speaker: 'her management company',
        type: 'indirect',
      },
      { text: 'Filming will begin in March on the sequel to “The Salt Road', speaker: 'the studio', type: 'indirect' },
      {
        text: 'The council approved a scheme known locally as “the Bridge to Nowhere”',
        speaker: 'a spokesman',
        type: 'indirect',
      },
    ],
  ],
  [
    '`but that` after a partial quote, and a report before `but that` and a partial quote',
    'Colin Dray said he supported wind power “in principle” but that the location was wrong. Tom Ade said he understood the reasoning but that the closure was “a grief, plain and simple.”',
    [
      { text: 'the location was wrong', speaker: 'Colin Dray', type: 'indirect' },
      { text: 'he understood the reasoning', speaker: 'Tom Ade', type: 'indirect' },
    ],
  ],
  [
    '`According to him,` is the person named before',
    'Ezra Blackwood produced the record. According to him, half the album was recorded in a single weekend.',
    [{ text: 'half the album was recorded in a single weekend', speaker: 'Ezra Blackwood', type: 'indirect' }],
  ],
  [
    'a body whose name holds a verb form (`the state education department`)',
    'Test scores rose in every district, according to the state education department.',
    [{ text: 'Test scores rose in every district', speaker: 'the state education department', type: 'indirect' }],
  ],
  [
    'a scare quote ending in `,”` before `and X say`',
    'The cause was a so-called “king tide,” and scientists say such days will become more common.',
    [{ text: 'such days will become more common', speaker: 'scientists', type: 'indirect' }],
  ],
  [
    'a hearer opening with a number (`told 7 News`)',
    'Police told 7 News the van had been stolen.',
    [{ text: 'the van had been stolen', speaker: 'Police', type: 'indirect' }],
  ],
  [
    'a short subordinate clause between the subject and the verb (`, when contacted,`)',
    'Vasant Patil, when contacted, said the funds had been released.',
    [{ text: 'the funds had been released', speaker: 'Vasant Patil', type: 'indirect' }],
  ],
  [
    'whom someone wrote to is no report; what they wrote to them that … is',
    'He has written to every MP the ward has had since 1985. The mayor wrote to the council that the plan was dead.',
    [{ text: 'the plan was dead', speaker: 'The mayor', type: 'indirect' }],
  ],
  [
    'an aside between two dashes after the subject',
    'Bev Harrigan – no relation – said the dams were low.',
    [{ text: 'the dams were low', speaker: 'Bev Harrigan', type: 'indirect' }],
  ],
  [
    'an attribution closing the sentence owns an earlier verb of saying in it',
    'Blake had written a letter to the family, which he did not expect them to read, Mr Crewe said.',
    [
      {
        text: 'Blake had written a letter to the family, which he did not expect them to read',
        speaker: 'Crewe',
        type: 'indirect',
      },
    ],
  ],
  ['`say it` reports nothing', 'The question is not whether students say it.', []],
  [
    'a `whose` clause whose verb is the verb of saying: the role’s holder named in it',
    'Among them is the Eastbank Food Pantry, whose director, Lou Carrasco, said the pantry had operated from a car park.',
    [{ text: 'the pantry had operated from a car park', speaker: 'Lou Carrasco', type: 'indirect' }],
  ],
  [
    'a name opening the sentence set off by a `who` clause, then `says` and a clause: the name',
    'Gerry Walsh, who has run a shop, says the queues block his van. Tamsin Greaves, an analyst who rates the stock a hold, said management was vague.',
    [
      { text: 'the queues block his van', speaker: 'Gerry Walsh', type: 'indirect' },
      { text: 'management was vague', speaker: 'Tamsin Greaves', type: 'indirect' },
    ],
  ],
  [
    '`But` opening the sentence is no part of the subject',
    'But Julian Okonkwo, retail analyst at Stratton & Lowe, warned that the gains might not last. But office worker Jasmine Koh, 29, said she now goes elsewhere.',
    [
      { text: 'the gains might not last', speaker: 'Julian Okonkwo', type: 'indirect' },
      { text: 'she now goes elsewhere', speaker: 'Jasmine Koh', type: 'indirect' },
    ],
  ],
  [
    'a participle phrase after `…, X said` goes with the report before it',
    'Pre-tax profit reached £318m in the six months to August, Bellmere said, helped by strong sales. The romance is officially over, her rep confirmed Monday, ending a two-year relationship.',
    [
      { text: 'Pre-tax profit reached £318m in the six months to August', speaker: 'Bellmere', type: 'indirect' },
      { text: 'The romance is officially over', speaker: 'her rep', type: 'indirect' },
    ],
  ],
  [
    'a report before `but insisted` and a partial quote',
    'Transport minister Alastair Greig said he would meet both sides next week but insisted the dispute was “a matter for the company”.',
    [{ text: 'he would meet both sides next week', speaker: 'Alastair Greig', type: 'indirect' }],
  ],
  [
    'people of or at a place, with the place’s region or a modifier: the people',
    'Residents of Thornbury Landing, N.S., say they were left without water. Hawkers at the newly renovated Serangoon Food Centre say rents have doubled.',
    [
      { text: 'they were left without water', speaker: 'Residents of Thornbury Landing', type: 'indirect' },
      { text: 'rents have doubled', speaker: 'Hawkers at the newly renovated Serangoon Food Centre', type: 'indirect' },
    ],
  ],
  [
    '`asked if …` set off by commas reports no question',
    'Whitcomb, asked if he worried about his job, said he slept badly for weeks.',
    [{ text: 'he slept badly for weeks', speaker: 'Whitcomb', type: 'indirect' }],
  ],
  [
    'a role, then its holder’s name set off by commas, then `said Wednesday` and a clause without `that`',
    'Peru’s prime minister, Ernesto Villanueva, said Wednesday he would not resign.',
    [{ text: 'he would not resign', speaker: 'Ernesto Villanueva', type: 'indirect' }],
  ],
  [
    'a subject set off by an appositive with a `that` clause or a `who` clause, then `said` and a clause',
    'Brightwell Labs, a startup that makes software, said Tuesday it had raised $72 million. Her brother, who serves as chief technology officer, said the software works.',
    [
      { text: 'it had raised $72 million', speaker: 'Brightwell Labs', type: 'indirect' },
      { text: 'the software works', speaker: 'Her brother', type: 'indirect' },
    ],
  ],
  [
    'where it was said before `that`; a hearer of two words',
    'Elias Brandt said outside the court that he felt vindicated. The superintendent told board members she would resign in June.',
    [
      { text: 'he felt vindicated', speaker: 'Elias Brandt', type: 'indirect' },
      { text: 'she would resign in June', speaker: 'The superintendent', type: 'indirect' },
    ],
  ],
  [
    'a person from a place before `who said`; an organisation before `which said` after `according to`',
    'The youngest arrival was Ibrahim Sesay, 19, from Sierra Leone, who said he had spent a year in Libya. Dozens drowned off eastern Libya, according to the UN refugee agency, which said at least 40 people had drowned.',
    [
      { text: 'he had spent a year in Libya', speaker: 'Ibrahim Sesay', type: 'indirect' },
      { text: 'at least 40 people had drowned', speaker: 'the UN refugee agency', type: 'indirect' },
    ],
  ],
  [
    'a report before `, though she conceded that` and a partial quote; a day’s name in quote marks is no quote',
    'Festival director Simone Vance said attendance was the highest in its history, though she conceded that the drainage “did not win any awards.” Town clerk Marjorie Hale said the board voted last week to declare Oct. 14 “Ruth Ellingson Day.”',
    [
      { text: 'attendance was the highest in its history', speaker: 'Simone Vance', type: 'indirect' },
      {
        text: 'the board voted last week to declare Oct. 14 “Ruth Ellingson Day.”',
        speaker: 'Marjorie Hale',
        type: 'indirect',
      },
    ],
  ],
  [
    '`, reached after practice,` is an aside; `told <paper> on <day>` then a clause; `estimated that`',
    'Benz, reached after practice on Thursday, said he meant it as a compliment. Superintendent Alan Cho told The Pinecrest Ledger on Wednesday he would implement the decision. The National Institute on Drug Abuse has estimated that 964,000 people reported a disorder.',
    [
      { text: 'he meant it as a compliment', speaker: 'Benz', type: 'indirect' },
      { text: 'he would implement the decision', speaker: 'Alan Cho', type: 'indirect' },
      { text: '964,000 people reported a disorder', speaker: 'National Institute on Drug Abuse', type: 'indirect' },
    ],
  ],
  [
    '`, asked whether …,` then another verb reports nothing; a plural noun before its verb is no verb',
    'Halvorsen, asked whether she expected a vote soon, smiled. Ministers from seven Baltic Rim states ended two days of talks on Thursday.',
    [],
  ],
  [
    'a report before `but` and a partial quote',
    'Mr Kettering replied that he accepted there was a problem but “not this answer to it”.',
    [{ text: 'he accepted there was a problem', speaker: 'Kettering', type: 'indirect' }],
  ],
  [
    'the writer’s appositive after a closing attribution is not what was said (`…, the company said, the deadliest accident in a decade.`)',
    'Rescue workers recovered the bodies of 11 miners at a platinum mine, the company said, the deadliest accident in the industry in a decade.',
    [
      {
        text: 'Rescue workers recovered the bodies of 11 miners at a platinum mine',
        speaker: 'the company',
        type: 'indirect',
      },
    ],
  ],
];

function simplify(text: string, entities: Entity[] = []) {
  return extractQuotes(text, entities).map((q) => ({ text: q.text, speaker: q.speaker, type: q.type, verb: q.verb }));
}

describe('extractQuotes: quotes and speakers', () => {
  it.each(QUOTE_ROWS)('%s', (_name, text, expected) => {
    // Prepare + Act
    const got = simplify(text).filter((q) => q.type !== 'indirect');
    // Assess
    expect(got.map((q) => ({ text: q.text, speaker: q.speaker }))).toEqual(
      expected.map((e) => ({ text: e.text, speaker: e.speaker })),
    );
    expected.forEach((e, i) => {
      if (e.type) expect(got[i]?.type).toBe(e.type);
      if (e.verb) expect(got[i]?.verb).toBe(e.verb);
    });
  });
});

describe('extractQuotes: marks that are not speech', () => {
  it.each(NOT_SPEECH_ROWS)('%s', (_name, text, expected) => {
    const got = simplify(text).filter((q) => q.type !== 'indirect');
    expect(got.map((q) => ({ text: q.text, speaker: q.speaker }))).toEqual(expected);
  });
});

describe('extractQuotes: reported speech', () => {
  it.each(INDIRECT_ROWS)('%s', (_name, text, expected) => {
    const got = simplify(text).filter((q) => q.type === 'indirect');
    expect(got.map(({ text, speaker, type }) => ({ text, speaker, type }))).toEqual(expected);
  });
});

/** An entity of the entity stage for `name`, with a mention at every occurrence of each surface form. */
function entity(text: string, id: string, type: Entity['type'], name: string, surfaces: string[]): Entity {
  const mentions: Entity['mentions'] = [];
  for (const surface of surfaces) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      if (!mentions.some((m) => m.start <= at && at < m.end))
        mentions.push({ start: at, end: at + surface.length, text: surface });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const aliases = surfaces.filter((x) => x !== name);
  return {
    id,
    name,
    type,
    aliases,
    mentions,
    count: mentions.length,
    firstStart: mentions[0]?.start ?? 0,
    salience: 1,
  };
}

/**
 * Nominal speakers (`the spokeswoman`) stay as written in `speaker` (type `nominal`) and are linked through
 * `speakerEntityId` to the person the article tied that role to; [name, text, person named in the text, expected id].
 */
const NOMINAL_ROWS: Array<[string, string, string, string | null]> = [
  [
    'title before a name: Councillor X → the councillor',
    'Councillor Brent Haskell announced his resignation on Monday.\n\n“I am tired,” the councillor told a radio host.',
    'Brent Haskell',
    'PERSON:brent-haskell',
  ],
  [
    'a relative named after the role: `Her daughter, Ruth Vance, said` → `her daughter`',
    'Eleanor Hale died on Sunday. Her daughter, Ruth Vance, said the cause was heart failure.\n\n“She believed in libraries,” her daughter said.',
    'Ruth Vance',
    'PERSON:ruth-vance',
  ],
  [
    'the role after the name, with another possessive: no link (`His son, Mark Hale` is not `her daughter`)',
    'Eleanor Hale died on Sunday. His son, Mark Hale, was abroad.\n\n“She believed in libraries,” her daughter said.',
    'Mark Hale',
    null,
  ],
  [
    'an appositive role with its own complement (the president of a bank) is no plain `the president`',
    'Ivo Sand, the president of the Harbour Savings Bank, spoke on Monday. Tariffs went up again.\n\n“It is working,” the president said.',
    'Ivo Sand',
    null,
  ],
  [
    'appositive: X, the agency’s spokeswoman',
    'Lena Marsh, the agency’s spokeswoman, declined to give numbers. The audit is due in May.\n\n“We will publish every page,” the spokeswoman said.',
    'Lena Marsh',
    'PERSON:lena-marsh',
  ],
  [
    'title abbreviation: Sen. X → the senator',
    'Sen. Ann Hobbs toured the plant on Monday.\n\n“These jobs are coming back,” the senator said.',
    'Ann Hobbs',
    'PERSON:ann-hobbs',
  ],
  [
    'lower-case title before the name: spokesman X',
    'The port reopened on Friday, spokesman Idris Kamara confirmed.\n\n“Ships are moving again,” the spokesman told reporters.',
    'Idris Kamara',
    'PERSON:idris-kamara',
  ],
  [
    'a vice president is not “the president”',
    'Vice President Omar Reyes visited the site.\n\n“We will rebuild,” the president said.',
    'Omar Reyes',
    null,
  ],
  [
    'the phrase’s own modifiers must agree: “the Republican nominee” is not a Democratic nominee',
    'Democratic nominee Tom Kessler spoke first.\n\n“The state is broke,” the Republican nominee said.',
    'Tom Kessler',
    null,
  ],
  [
    'a role the article never ties to a name stays unlinked',
    'Pia Lund audited the agency last year.\n\n“We will publish every page,” the spokeswoman said.',
    'Pia Lund',
    null,
  ],
];

describe('extractQuotes: nominal speakers resolved to the person the article names', () => {
  it.each(NOMINAL_ROWS)('%s', (_name, text, person, expectedId) => {
    // Prepare
    const surname = person.split(' ').at(-1)!;
    const id = `PERSON:${person.toLowerCase().replace(/\s+/g, '-')}`;
    const entities = [entity(text, id, 'PERSON', person, [person, surname])];
    // Act
    const q = extractQuotes(text, entities).find((x) => x.type !== 'indirect');
    // Assess: a role tied to a full name is that person (the mention keeps the phrase as written); else the phrase
    // stays the speaker, unlinked
    expect(q?.speakerMention?.text).toMatch(/^(?:the|his|her) /i);
    expect(q?.speakerEntityId).toBe(expectedId);
    if (expectedId) {
      expect(q?.speaker).toBe(person);
      expect(q?.speakerType).toBe('person');
    } else {
      expect(q?.speaker).toMatch(/^(?:the|his|her) /i);
      expect(q?.speakerType).toBe('nominal');
    }
  });
});

/** Organisation phrases (`the agency`) link to the one organisation whose name ends with that noun. */
const ORG_NOMINAL_ROWS: Array<[string, string, string[], string | null]> = [
  [
    'the single organisation named with that noun',
    'Budget fight.\n\nThe Harbor Transit Agency raised fares on Monday.\n\n“We had no other choice,” the agency said.',
    ['Harbor Transit Agency'],
    'ORGANIZATION:harbor-transit-agency',
  ],
  [
    'two organisations with that noun: no link',
    'Budget fight.\n\nThe Harbor Transit Agency and the Coastal Water Agency met on Monday.\n\n“We had no other choice,” the agency said.',
    ['Harbor Transit Agency', 'Coastal Water Agency'],
    null,
  ],
];

describe('extractQuotes: organisation phrases linked to the organisation the article names', () => {
  it.each(ORG_NOMINAL_ROWS)('%s', (_name, text, orgs, expectedId) => {
    // Prepare
    const entities = orgs.map((o) =>
      entity(text, `ORGANIZATION:${o.toLowerCase().replace(/\s+/g, '-')}`, 'ORGANIZATION', o, [o]),
    );
    // Act
    const [q] = extractQuotes(text, entities);
    // Assess: linked, the organisation speaks by its name (the mention keeps the phrase)
    const linked = entities.find((e) => e.id === expectedId);
    expect(q?.speaker).toBe(linked?.name ?? 'the agency');
    expect(q?.speakerMention?.text).toBe('the agency');
    expect(q?.speakerType).toBe('organization');
    expect(q?.speakerEntityId).toBe(expectedId);
  });
});

describe('extractQuotes: speakers that are not people', () => {
  it('an organisation speaks by its whole name when the entity stage keeps only its end', () => {
    // Prepare
    const text = '“The evidence has weakened,” the Nordic Harbour Prosecution Authority said.';
    const entities = [entity(text, 'ORGANIZATION:authority', 'ORGANIZATION', 'Authority', ['Authority'])];
    // Act
    const [q] = extractQuotes(text, entities);
    // Assess
    expect(q?.speaker).toBe('Nordic Harbour Prosecution Authority');
    expect(q?.speakerType).toBe('organization');
  });

  it('a production company speaks as an organisation, and `they` after it is that company', () => {
    const text =
      'The company that runs the show, Harbour Productions, denies that anything has been agreed, though.\n\n"Any final agreement needs to be made with her team," they said.';
    const quotes = extractQuotes(text, []);
    expect(quotes.map((q) => [q.type, q.speaker, q.speakerType])).toEqual([
      ['indirect', 'Harbour Productions', 'organization'],
      ['direct', 'Harbour Productions', 'organization'],
    ]);
  });

  it('`it` goes back past a sentence whose own subject is `it` to the organisation that opened the one before', () => {
    // Prepare
    const text =
      'The label Moonrock Records has again rejected the claims. Now it has released a second statement. “All performers remain free to sing,” it says. “We never blocked any concert,” the record label said.';
    const entities = [entity(text, 'ORGANIZATION:moonrock', 'ORGANIZATION', 'Moonrock Records', ['Moonrock Records'])];
    // Act
    const quotes = simplify(text, entities);
    // Assess
    expect(quotes.map((q) => q.speaker)).toEqual(['Moonrock Records', 'Moonrock Records']);
  });

  it('a document speaks for whoever issued it (`the statement said` after `X said in a statement`, `X issued a statement`)', () => {
    // Prepare
    const text =
      'Three sailors were hurt in a fire aboard a cargo ship, the coast guard said in a statement on Sunday. “The fire is now under control,” the statement said.\n\nOn Monday, Harbor Lane Studios issued a statement about the dispute. The statement claimed that the two sides had “reached a deal.”';
    const entities = [
      entity(text, 'ORGANIZATION:harbor', 'ORGANIZATION', 'Harbor Lane Studios', ['Harbor Lane Studios']),
    ];
    // Act
    const quotes = simplify(text, entities).filter((q) => q.type !== 'indirect');
    // Assess
    expect(quotes.map((q) => [q.speaker, q.type])).toEqual([
      ['the coast guard', 'direct'],
      ['Harbor Lane Studios', 'partial'],
    ]);
    // (an organisation by its last word, even when the entity stage calls it a person)
    const typed = extractQuotes(text, [{ ...entities[0]!, type: 'PERSON' }]).filter((q) => q.type === 'partial');
    expect(typed.map((q) => q.speakerType)).toEqual(['organization']);
  });

  it('`The Ledger` after `The Harbor City Ledger` is that organisation, in another paragraph too', () => {
    // Prepare
    const text =
      'The Harbor City Ledger says police are looking into the theft.\n\nThe Ledger says the suspect was arrested on Friday.';
    const entities = [entity(text, 'ORGANIZATION:hcl', 'ORGANIZATION', 'Harbor City Ledger', ['Harbor City Ledger'])];
    // Act
    const quotes = simplify(text, entities);
    // Assess
    expect(quotes.map((q) => q.speaker)).toEqual(['Harbor City Ledger', 'Harbor City Ledger']);
  });

  it('an organisation with a place after `in` is looked up by its head (`the US Embassy in New Delhi`)', () => {
    // Prepare
    const text = 'Within Delhi, smog closed schools. The US Embassy in New Delhi reported that the index reached 408.';
    const entities = [
      entity(text, 'ORGANIZATION:within-delhi', 'ORGANIZATION', 'Within Delhi', ['Within Delhi', 'New Delhi']),
    ];
    // Act
    const [q] = simplify(text, entities);
    // Assess
    expect(q?.speaker).toBe('US Embassy in New Delhi');
  });

  it('a company named after its kind (`Developer Nordwind`, `Publisher Harrow Books`) speaks as that company', () => {
    const text =
      'Developer Nordwind called the game “a flagship driving game.” Publisher Harrow Books called the memoir “the release of our decade.” Planemaker Corvane called the delay “a matter of weeks.”';
    expect(extractQuotes(text, []).map((q) => [q.speaker, q.speakerType])).toEqual([
      ['Nordwind', 'organization'],
      ['Harrow Books', 'organization'],
      ['Corvane', 'organization'],
    ]);
  });

  it('a capitalised plural the article also writes in lower case is a group (Authorities say, Sources told)', () => {
    const text =
      'The pier closed after the storm, and the authorities closed the road too.\n\nAuthorities say that the pier will stay closed until the spring.';
    const [q] = extractQuotes(text, []);
    expect([q?.speaker, q?.speakerType]).toEqual(['Authorities', 'nominal']);
  });

  it('a nominal phrase is an organisation by its head noun, not by any word in it', () => {
    const text =
      'The pier closed.\n\n“We had no choice,” the agency said. “It was safe,” an agency spokesman said. “It was not,” said a local police source.';
    const types = extractQuotes(text, []).map((q) => [q.speaker, q.speakerType]);
    expect(types).toEqual([
      ['the agency', 'organization'],
      ['an agency spokesman', 'nominal'],
      ['a local police source', 'nominal'],
    ]);
  });

  it('an office named by its remit speaks as written (High Commissioner for …)', () => {
    const text = '“We are concerned,” the Harbour Council High Commissioner for Coastal Rights said.';
    const [q] = extractQuotes(text, []);
    expect(q?.speaker).toBe('Harbour Council High Commissioner for Coastal Rights');
    expect(q?.speakerType).toBe('nominal');
  });

  it('a place the entity stage reads as a place speaks as an organisation (its government)', () => {
    // Prepare
    const text = 'Norland said it is committed to the “one country, two systems” formula for the port.';
    const entities = [entity(text, 'LOCATION:norland', 'LOCATION', 'Norland', ['Norland'])];
    // Act
    const [q] = extractQuotes(text, entities);
    // Assess
    expect(q).toMatchObject({ speaker: 'Norland', speakerType: 'organization', speakerEntityId: 'LOCATION:norland' });
  });

  it('a lone name the entity stage reads as an organisation is a person when the article calls it he or she', () => {
    // Prepare
    const text =
      'The coach was pleased. Vogel said he was proud of the bench, and he praised the defence.\n\n“He is playing terrific basketball,” Vogel said.';
    const entities = [entity(text, 'ORGANIZATION:vogel', 'ORGANIZATION', 'Vogel', ['Vogel'])];
    // Act
    const q = extractQuotes(text, entities).find((x) => x.type === 'direct');
    // Assess
    expect(q).toMatchObject({ speaker: 'Vogel', speakerType: 'person' });
  });

  it('a place the entity stage found in front of a name is not part of the speaker’s name', () => {
    // Prepare
    const text = 'Beijing’s ambassador to Norland Liu Xiaoming said it would not “sit on its hands” for long.';
    const entities = [
      entity(text, 'LOCATION:norland', 'LOCATION', 'Norland', ['Norland']),
      entity(text, 'PERSON:xiaoming', 'PERSON', 'Xiaoming', ['Xiaoming']),
    ];
    // Act
    const [q] = extractQuotes(text, entities);
    // Assess
    expect(q).toMatchObject({ speaker: 'Liu Xiaoming', speakerType: 'person' });
  });

  it('a capitalised plural that only opens sentences is a group (nominal), not a person', () => {
    // Act
    const [q] = extractQuotes('Teachers chanted, “Fund our schools,” as hundreds lined the steps.', []);
    // Assess
    expect(q).toMatchObject({ speaker: 'Teachers', speakerType: 'nominal' });
  });
});

describe('extractQuotes: surnames written first', () => {
  it('a lone surname stands for the full name the entity stage reads as a person (Liu → Liu Xiaoming)', () => {
    // Prepare
    const text = 'Intro.\n\nThe ambassador Liu Xiaoming spoke on Monday. “The ships are already there,” Liu said.';
    const liu = entity(text, 'PERSON:liu-xiaoming', 'PERSON', 'Liu Xiaoming', ['Liu Xiaoming', 'Liu']);
    // Act
    const got = simplify(text, [liu]);
    // Assess
    expect(got.map((q) => [q.text, q.speaker])).toEqual([['The ships are already there,', 'Liu Xiaoming']]);
  });

  it('not the first word of an organisation’s name (Border agents ≠ Border Protection)', () => {
    // Prepare
    const text =
      'Intro.\n\nOfficers of Customs and Border Protection met on Monday. Border agents "say you have to watch the crossings every single night," the report found.';
    const cbp = entity(text, 'ORGANIZATION:cbp', 'ORGANIZATION', 'Customs and Border Protection', [
      'Customs and Border Protection',
    ]);
    // Act
    const got = simplify(text, [cbp]);
    // Assess
    expect(got.map((q) => q.speaker)).not.toContain('Border Protection');
  });
});

describe('extractQuotes: pronoun antecedents', () => {
  it('`they` right after a group of people spoke is that group (`…, the authors said. …, they wrote.`)', () => {
    const text =
      'The team studied 4,000 teenagers. Occasional use is not harmful, the authors said. Heavy daily use is linked to poor sleep, they wrote.';
    expect(simplify(text).map((q) => q.speaker)).toEqual(['the authors', 'the authors']);
  });

  it('a capitalised word before a plural of people is a modifier, not an antecedent (`Coast agents “say …,” he said`)', () => {
    // Prepare
    const text =
      'Sen. Tom Harlow visited the port.\n\nCoast agents "say you have got to watch this," he said.\n\nHere is the latest data from Marine and Coast Protection.';
    // Act
    const quotes = simplify(text);
    // Assess
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Harlow']);
  });

  it('`they` after a sentence whose subject is a named organisation; `the 48-year-old` after one about a named person', () => {
    // Prepare
    const text =
      'Kestrel Music Group has twice denied any wrongdoing.\n\n“At no point did we block the tour,” they said in a statement.\n\nCarla Mendes has been named the new coach of the club.\n\nThe 48-year-old said after her appointment: “I am proud to be here.”';
    const entities = [
      entity(text, 'ORGANIZATION:kestrel-music-group', 'ORGANIZATION', 'Kestrel Music Group', ['Kestrel Music Group']),
      entity(text, 'PERSON:carla-mendes', 'PERSON', 'Carla Mendes', ['Carla Mendes']),
    ];
    // Act
    const quotes = extractQuotes(text, entities);
    // Assess
    expect(quotes.map((q) => [q.speaker, q.speakerType, q.speakerEntityId])).toEqual([
      ['Kestrel Music Group', 'organization', 'ORGANIZATION:kestrel-music-group'],
      ['Carla Mendes', 'person', 'PERSON:carla-mendes'],
    ]);
  });

  it.each([
    [
      'after the sentence where they spoke',
      'Sgt. Ana Cole said officers arrived quickly.\n\nA neighbour said she heard shouting. “It was two men arguing,” she said.',
      'A neighbour',
    ],
    [
      'a role with a name inside (`A Department of Health spokesman`)',
      'Sgt. Ana Cole said officers arrived quickly.\n\nA Department of Health spokesman said the ward was open. “We know the waits are too long,” he said.',
      'A Department of Health spokesman',
    ],
    [
      'not when the noun says another gender (`A spokesman … she said`)',
      'Sgt. Ana Cole said officers arrived quickly. A spokesman said the road was closed. “We got there in four minutes,” she said.',
      'Ana Cole',
    ],
    [
      'not when someone is named after them',
      'A neighbour said she heard shouting. Sgt. Ana Cole arrived later. “It was two men arguing,” she said.',
      'Ana Cole',
    ],
  ])('`he`/`she` right after an unnamed person spoke is that person, %s', (_case, text, speaker) => {
    // Prepare
    const entities = [entity(text, 'PERSON:ana-cole', 'PERSON', 'Ana Cole', ['Ana Cole'])];
    // Act
    const quotes = extractQuotes(text, entities).filter((q) => q.type === 'direct');
    // Assess
    expect(quotes.map((q) => q.speaker)).toEqual([speaker]);
  });

  it.each([
    [
      'named before but not as the subject',
      'Shares of Corvane Systems fell on Wednesday.\n\nThe company said in a filing that it now expects lower revenue.',
      [['Corvane Systems', 'ORGANIZATION']],
      'ORGANIZATION:corvane-systems',
    ],
    [
      'the subject, not a public body named with it',
      'The Harbor State Attorney General is investigating Tarvo Foods.\n\nThe company said it would cooperate.',
      [
        ['Harbor State Attorney General', 'ORGANIZATION'],
        ['Tarvo Foods', 'ORGANIZATION'],
      ],
      'ORGANIZATION:tarvo-foods',
    ],
    [
      'the subject of two companies named',
      'Tarvo Foods is buying Kesta Labs.\n\nThe company said the deal would close in May.',
      [
        ['Tarvo Foods', 'ORGANIZATION'],
        ['Kesta Labs', 'ORGANIZATION'],
      ],
      'ORGANIZATION:tarvo-foods',
    ],
    [
      'no link when two companies are named and neither is the subject',
      'Shares of Tarvo Foods and Kesta Labs fell.\n\nThe company said the deal would close in May.',
      [
        ['Tarvo Foods', 'ORGANIZATION'],
        ['Kesta Labs', 'ORGANIZATION'],
      ],
      null,
    ],
  ] as Array<[string, string, Array<[string, Entity['type']]>, string | null]>)(
    '`the company` links to the organisation the sentences before are about: %s',
    (_case, text, named, id) => {
      // Prepare
      const entities = named.map(([name, type]) =>
        entity(text, `${type}:${name.toLowerCase().replace(/\s+/g, '-')}`, type, name, [name]),
      );
      // Act
      const [quote] = extractQuotes(text, entities);
      // Assess: linked, the organisation speaks by its name (the mention keeps the phrase)
      const linked = entities.find((e) => e.id === id);
      expect([quote?.speaker, quote?.speakerEntityId]).toEqual([linked?.name ?? 'The company', id]);
      expect(quote?.speakerMention?.text).toBe('The company');
    },
  );

  it('`the 61-year-old` after a sentence about a named person, past one that describes him', () => {
    // Prepare
    const text =
      'Carlos Medeira has agreed to become the new coach of Harwick United.\n\nThe Brazilian had been out of work since March.\n\nThe 61-year-old said after signing: “I am thrilled to join this club.”';
    const entities = [entity(text, 'PERSON:carlos-medeira', 'PERSON', 'Carlos Medeira', ['Carlos Medeira'])];
    // Act
    const [quote] = extractQuotes(text, entities);
    // Assess
    expect([quote?.speaker, quote?.speakerEntityId]).toEqual(['Carlos Medeira', 'PERSON:carlos-medeira']);
  });

  it.each([
    [
      'a spokesperson who spoke in the sentence before',
      'Dana Pell, a spokesperson for Zentrix, confirmed that the ferry would be withdrawn. “We review the timetable every winter,” they said in an email.',
      'Dana Pell',
    ],
    [
      'not a man introduced as a spokesman (the company may be meant)',
      'John Marsh, a spokesman for Zentrix, confirmed that the ferry would be withdrawn. “We review the timetable every winter,” they said.',
      'they',
    ],
    [
      'not past a group of people',
      'Dana Pell, a spokesperson for Zentrix, met the drivers on Monday. “We review the timetable every winter,” they said.',
      'they',
    ],
  ])('a singular `they`: %s', (_case, text, speaker) => {
    // Prepare
    const person = text.startsWith('Dana') ? 'Dana Pell' : 'John Marsh';
    const entities = [entity(text, 'PERSON:p', 'PERSON', person, [person])];
    // Act
    const quotes = extractQuotes(text, entities).filter((q) => q.type === 'direct');
    // Assess
    expect(quotes.map((q) => q.speaker)).toEqual([speaker]);
  });

  it('`The teenager` after a sentence whose subject is a named person is that person', () => {
    // Prepare
    const text = 'Maya Okonkwo scored twice on Saturday.\n\nThe teenager said afterwards: “I just kept running.”';
    const entities = [entity(text, 'PERSON:maya-okonkwo', 'PERSON', 'Maya Okonkwo', ['Maya Okonkwo'])];
    // Act
    const [quote] = extractQuotes(text, entities);
    // Assess
    expect([quote?.speaker, quote?.speakerMention?.text]).toEqual(['Maya Okonkwo', 'The teenager']);
  });

  it('an interview written `Q:` / `A:`: each answer is the one person the article names before the first turn', () => {
    // Prepare
    const text =
      'Mayor Lucia Ferrante spoke with us about her first year in office.\n\nQ: How many homes have been built?\n\nA: About 1,100 are finished and another 2,000 are under way.\n\nQ: What comes next?\n\nA: The tram line. We break ground in March.';
    const entities = [entity(text, 'PERSON:lucia-ferrante', 'PERSON', 'Lucia Ferrante', ['Lucia Ferrante'])];
    // Act
    const quotes = extractQuotes(text, entities);
    // Assess
    expect(quotes.map((q) => [q.text, q.speaker, q.type])).toEqual([
      ['About 1,100 are finished and another 2,000 are under way.', 'Lucia Ferrante', 'direct'],
      ['The tram line. We break ground in March.', 'Lucia Ferrante', 'direct'],
    ]);
  });

  it('`they` after a sentence whose subject is a label the entity stage typed a person is still the organisation', () => {
    // Prepare
    const text = 'Harbor Lane Records has denied the claims.\n\n“We never cancelled a show,” they said.';
    const entities = [
      entity(text, 'PERSON:harbor-lane-records', 'PERSON', 'Harbor Lane Records', ['Harbor Lane Records']),
    ];
    // Act
    const [quote] = extractQuotes(text, entities);
    // Assess
    expect([quote?.speaker, quote?.speakerType]).toEqual(['Harbor Lane Records', 'organization']);
  });

  it('a pronoun after a role phrase the article tied to a full name is that person (the actress → actress Mara Lind)', () => {
    // Prepare
    const text =
      'The film stars actress Mara Lind as a singer from Glasgow. It opens next week. Critics have praised the score.\n\nDespite the few roles for women in their fifties, the actress was not itching to do something else. “I had been somebody who really liked music,” she said.';
    const entities = [entity(text, 'PERSON:mara-lind', 'PERSON', 'Mara Lind', ['Mara Lind'])];
    // Act
    const q = extractQuotes(text, entities).find((x) => x.type === 'direct');
    // Assess
    expect(q?.speaker).toBe('Mara Lind');
    expect(q?.speakerEntityId).toBe('PERSON:mara-lind');
  });

  it('an organisation of several words is not the antecedent of “she”, even when it spoke of her', () => {
    // Prepare
    const text =
      'A row between singer Lena Vik and her old label is ending.\n\nThe group that owns her music, Iron Kettle, says she may play the old songs.\n\nIn a post at the time she called the sale “the worst case.”';
    const entities = [
      entity(text, 'PERSON:lena-vik', 'PERSON', 'Lena Vik', ['Lena Vik']),
      entity(text, 'ORGANIZATION:iron-kettle', 'ORGANIZATION', 'Iron Kettle', ['Iron Kettle']),
    ];
    // Act
    const quotes = extractQuotes(text, entities);
    // Assess
    expect(quotes.find((q) => q.type === 'indirect')?.speakerType).toBe('organization');
    expect(quotes.find((q) => q.type === 'partial')?.speaker).toBe('Lena Vik');
  });

  it('a place the entity stage recognises is not the antecedent of “he”', () => {
    // Prepare
    const text =
      'Coal costs rise.\n\nMr. Dale Harmon says he has paid for the credits himself. He hopes that states, led by North Carolina, will share the cost.\n\n“Gas is not the villain,” he said.';
    const entities = [
      entity(text, 'PERSON:dale-harmon', 'PERSON', 'Dale Harmon', ['Dale Harmon', 'Harmon']),
      entity(text, 'LOCATION:north-carolina', 'LOCATION', 'North Carolina', ['North Carolina']),
    ];
    // Act
    const q = extractQuotes(text, entities).find((x) => x.type === 'direct');
    // Assess
    expect(q?.speaker).toBe('Dale Harmon');
    expect(q?.speakerEntityId).toBe('PERSON:dale-harmon');
  });

  it.each([
    [
      'a surname seen only in the possessive mid-sentence still counts at sentence starts',
      'Members argued over Voss’s plan for the port. The council met again on Monday. Nobody agreed. Voss walked out of the room.\n\nHe said:\n\n“We cannot wait another year.”',
      'Voss',
    ],
    [
      'a full name after “to” is a person, not a place',
      'The council’s letter went to Ann Hobbs on Friday.\n\n“I will answer it in public,” she said.',
      'Ann Hobbs',
    ],
    [
      'the article’s own pronouns outrank the first-name list for a full name (`Jean` is listed as a man’s name)',
      'Jean Morrow, who runs the shelter, said she had no beds left, and she asked the city for help.\n\n“We turn people away every night,” she said.',
      'Jean Morrow',
    ],
    [
      'a pronoun whose antecedent is a lone surname gets the full name the article gave',
      'Jonas Berg and Aiko Tanaka met on Friday. Berg said the talks went well.\n\n“We made real progress,” he said.',
      'Jonas Berg',
    ],
    [
      'the article’s own pronouns after a lone surname outrank the first-name list',
      'Clinton arrived late, and she apologised to her hosts for her delay.\n\nClinton and Marcus Obi then spoke about the budget.\n\n“We need more money,” he said.',
      'Marcus Obi',
    ],
    [
      'a name with a middle initial is a full name for pronouns and surnames',
      'Sonya A. Brandt, the family’s lawyer, spoke to the board on Friday.\n\n“He meant no harm,” she said in an email.',
      'Sonya A. Brandt',
    ],
    [
      'sentences that speak of the same person by pronoun carry the chain back past the usual window',
      'Vera Holt ran the county archive for years. She catalogued every map in it. Her work was slow, and the budget was small. Few visitors came.\n\n“It takes patience,” she said.',
      'Vera Holt',
    ],
    [
      'a name after the same pronoun as subject is not its antecedent: the sentence is still about the earlier person',
      'Mara Lind sang first at the festival.\n\nShe was more nervous than Rosa Dahl had ever been. “It was terrifying,” she said.',
      'Mara Lind',
    ],
    [
      'a pronoun in a leading subordinate clause points ahead to the name after it',
      'The book came out in 2002.\n\nWhen he wrote it, Tomas Ekberg was broke. These days he is not. “It paid the rent,” he said.',
      'Tomas Ekberg',
    ],
    [
      'a capitalised word that only reads as a name in a title is not a candidate (Web of Angels)',
      'Ada Brook wrote the novel Web of Angels in 1990. She sold it to a small press. Web of Angels was her first sale.\n\n“I was thrilled,” she said.',
      'Ada Brook',
    ],
  ])('%s', (_case, text, speaker) => {
    // Act
    const q = extractQuotes(text, []).find((x) => x.type === 'direct');
    // Assess
    expect(q?.speaker).toBe(speaker);
  });
});

describe('extractQuotes: output contract', () => {
  it('offsets index the text, the mention is the speaker as written, the verb is a lemma', () => {
    const text = 'Pilot Erik Sandvik landed safely. “The engine just stopped,” he told reporters.';
    const [q] = extractQuotes(text, []);
    expect(q).toBeDefined();
    expect(text.slice(q!.start, q!.end)).toBe(q!.text);
    expect(q!.speaker).toBe('Erik Sandvik');
    expect(q!.speakerMention).toEqual({ text: 'he', start: text.indexOf(' he told') + 1, end: text.indexOf(' told') });
    expect(q!.speakerType).toBe('person');
    expect(q!.verb).toBe('tell');
    expect(q!.confidence).toBeGreaterThan(0.5);
  });

  it('links the speaker to the entity of the entity stage and uses its canonical name', () => {
    const text = 'Judge Maria Consuelo Ortega ruled on Friday. “The law is clear,” Ortega said.';
    const start = text.indexOf('Maria');
    const last = text.lastIndexOf('Ortega');
    const entities: Entity[] = [
      {
        id: 'PERSON:maria-consuelo-ortega',
        name: 'Maria Consuelo Ortega',
        type: 'PERSON',
        aliases: ['Ortega'],
        mentions: [
          { start, end: start + 'Maria Consuelo Ortega'.length, text: 'Maria Consuelo Ortega' },
          { start: last, end: last + 6, text: 'Ortega' },
        ],
        count: 2,
        firstStart: start,
        salience: 1,
      },
    ];
    const [q] = extractQuotes(text, entities);
    expect(q?.speaker).toBe('Maria Consuelo Ortega');
    expect(q?.speakerEntityId).toBe('PERSON:maria-consuelo-ortega');
  });

  it('a pronoun whose only candidate is several sentences back is kept as written', () => {
    const text =
      'Anna Berg founded the firm in 1990. The firm grew fast. Its offices spread to five cities. Profits doubled twice.\n\n“We never planned for this,” she said.';
    const [q] = extractQuotes(text, []);
    expect(q?.speaker).toBe('she');
    expect(q?.speakerType).toBe('pronoun');
  });

  it('an unresolvable pronoun is kept as written', () => {
    const [q] = extractQuotes('“It was a long night,” she said.', []);
    expect(q?.speaker).toBe('she');
    expect(q?.speakerType).toBe('pronoun');
  });

  it('returns nothing for text without quotes or speech', () => {
    expect(extractQuotes('The river flooded the lower town twice this year.', [])).toEqual([]);
    expect(extractQuotes('', [])).toEqual([]);
  });
});

/** A `they` right after a sentence whose subject is two people is those two, as written. */
const TWO_PEOPLE_ROWS: Array<[string, string, string[], string]> = [
  [
    'a person and their spouse',
    'Mark Ellison and his wife, Rosa, lost their home in the flood. “We had ten minutes to get out,” they said.',
    ['Mark Ellison', 'Rosa'],
    'Mark Ellison and his wife, Rosa',
  ],
  [
    'two named people',
    'Tom Reyes, 71, and Ana Reyes, 68, sleep in their car now. “It is not a life,” they said.',
    ['Tom Reyes', 'Ana Reyes'],
    'Tom Reyes, 71, and Ana Reyes, 68',
  ],
  [
    'a person and an organisation: not two people',
    'Mark Ellison and Harbor Homes settled the claim on Monday. “We are glad it is over,” they said.',
    ['Mark Ellison'],
    'they',
  ],
];

describe('extractQuotes: `they` after two people', () => {
  it.each(TWO_PEOPLE_ROWS)('%s', (_name, text, people, expected) => {
    // Prepare
    const entities = people.map((p) =>
      entity(text, `PERSON:${p.toLowerCase().replace(/\s+/g, '-')}`, 'PERSON', p, [p]),
    );
    // Act
    const [q] = extractQuotes(text, entities);
    // Assess
    expect(q).toMatchObject({ speaker: expected, speakerMention: { text: 'they' } });
  });
});

/** A lede's unnamed subject (`A headteacher has …`) named at the start of the next paragraph is that person. */
const LEDE_ROWS: Array<[string, string, string, string]> = [
  [
    'named at once in the next paragraph',
    'A headteacher has defended her phone ban, saying pupils are “talking to each other again”.\n\nMrs Fiona Gallacher introduced the ban at Hollins Park Academy in September.',
    'Fiona Gallacher',
    'Fiona Gallacher',
  ],
  [
    'a spokesman is not the person named next',
    'A spokesman said the road would “stay shut for weeks”.\n\nJohn Smith, who lives on the road, said he was worried.',
    'John Smith',
    'A spokesman',
  ],
  [
    'the lede’s `he` and a woman named next',
    'A grandfather has said he is “over the moon” after his numbers came up.\n\nMary Brookes, 61, bought the ticket in Leeds.',
    'Mary Brookes',
    'A grandfather',
  ],
];

describe('extractQuotes: an unnamed lede subject named in the next paragraph', () => {
  it.each(LEDE_ROWS)('%s', (_name, text, person, expected) => {
    // Prepare
    const entities = [entity(text, 'PERSON:p', 'PERSON', person, [person])];
    // Act
    const [q] = extractQuotes(text, entities);
    // Assess: the mention stays as written
    expect(q).toMatchObject({ speaker: expected, speakerMention: { text: expect.stringMatching(/^A /) } });
  });
});
