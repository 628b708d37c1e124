import { describe, expect, it } from 'vitest';
import { findActors, nameKey } from '../../lib/actors';
import { withSurnamesJoined } from '../../lib/actors/actors';
import { extractArticle } from '../../lib/extract/article';
import { hasShared, parseHtml } from '../../scripts/node-dom';
import { realPages } from '../helpers/pages';
import type { Actor } from '../../lib/report';

const byName = (text: string) => new Map(findActors(text).map((a) => [a.name, a]));

describe('nameKey', () => {
  it('ignores case, accents, punctuation and a possessive', () => {
    expect(nameKey('Pakistan’s')).toBe('pakistan');
    expect(nameKey('Māori')).toBe(nameKey('maori'));
    expect(nameKey('U.S.')).toBe('us');
  });
});

describe('findActors', () => {
  const text =
    'Talks on the border\n\nFormer United States envoy to Afghanistan Zalmay Khalilzad urged talks with the Tehreek-e-Taliban Pakistan (TTP) on Sunday. ' +
    'Khalilzad said the TTP must stop attacks. Prime Minister Shehbaz Sharif rejected the idea in Islamabad.\n\n' +
    'Sharif said Pakistan’s army would fight on. The U.S. did not comment, and the US embassy in Islamabad was closed in April.';
  const actors = byName(text);

  it('merges a surname into the full name', () => {
    expect(actors.get('Zalmay Khalilzad')?.aliases).toContain('Khalilzad');
    expect(actors.has('Khalilzad')).toBe(false);
  });

  it('merges an acronym defined in the text into the name it stands for', () => {
    expect(actors.get('Tehreek-e-Taliban Pakistan')?.aliases).toContain('TTP');
  });

  it('merges well-known short forms into the full name', () => {
    expect(actors.get('United States')?.aliases).toEqual(expect.arrayContaining(['U.S.', 'US']));
  });

  it('keeps a title as the role, not in the name', () => {
    expect(actors.get('Shehbaz Sharif')?.role).toBe('Prime Minister');
  });

  it('counts mentions and keeps their offsets', () => {
    const sharif = actors.get('Shehbaz Sharif')!;
    expect(sharif.mentions).toBe(2);
    for (const [s, e] of sharif.offsets) expect(['Shehbaz Sharif', 'Sharif']).toContain(text.slice(s, e));
  });

  it('drops months, weekdays and lone honorifics', () => {
    for (const junk of ['April', 'Sunday', 'Mullah']) expect(actors.has(junk)).toBe(false);
  });

  it('takes off the words that begin a sentence, a button or a dateline, and splits names joined by "or"', () => {
    const found = byName(
      'Streaming wars heat up\n\n“If Lucasfilm wants the series back, it will have to pay,” said Kathleen Kennedy on Nov. 3. ' +
        'Advertisers still prefer Google or Facebook to smaller networks. Like Walmart, Target cut prices in Ohio. ' +
        'See Facebook for updates. Both Roscosmos and Boeing said nothing. The doctor, AKA DoctorX, answers questions.\n\nPosted Nov 2, 2016. Like',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Lucasfilm', 'Google', 'Facebook', 'Walmart', 'Roscosmos', 'DoctorX']));
    for (const name of found.keys()) expect(name).not.toMatch(/^(?:If|Like|See|Posted|Both|AKA) |^Nov$| or /);
  });

  it('takes off a mark the tagger began a name with, as in a result line ("Israel 2, Bulgaria 0")', () => {
    const found = byName('Under-21 qualifier\n\nIsrael 2, Bulgaria 0 (halftime 0-0). Scorers: Haim Hajaj (47th), Nir Sivilia (57th).');
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Israel', 'Bulgaria', 'Haim Hajaj']));
    for (const name of found.keys()) expect(name).toMatch(/^\p{L}/u);
  });

  it('splits a name run on through a possessive into the next one, but keeps "McDonald\'s Corporation" whole', () => {
    const found = byName(
      'A new report\n\nA report released on Monday by Stanford University’s Center on Poverty and Inequality calls that into question. McDonald’s Corporation said nothing.',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Stanford University', 'Center on Poverty and Inequality', 'McDonald’s Corporation']));
  });

  it('merges a first name alone into the one person of that first name, and not when there are two', () => {
    const one = byName('Diet pills\n\nEloise Parry, 21, died in April. Her mother, Fiona Parry, said Eloise had bought the pills online.');
    expect(one.get('Eloise Parry')?.aliases).toContain('Eloise');
    expect(one.has('Eloise')).toBe(false);
    const two = byName('Rivals\n\nJohn Smith met John Brown in London. Later John said the talks had failed.');
    expect(two.get('John Smith')?.aliases ?? []).not.toContain('John');
    expect(two.get('John Brown')?.aliases ?? []).not.toContain('John');
  });

  it('joins an organisation\'s head to what it is for when the tagger split them', () => {
    const found = byName(
      'Debt warning\n\n“Interest is the fastest-growing part of the budget,” said Marc Goldwein of the Committee for a Responsible Federal Budget, a group in Washington.',
    );
    expect(found.has('Committee for a Responsible Federal Budget')).toBe(true);
    expect(found.has('Committee')).toBe(false);
  });

  it('keeps a place apart from a quarter of it ("Lower Manhattan")', () => {
    const found = byName(
      'Winter underground\n\nA water main broke in Lower Manhattan on Monday, flooding streets near Wall Street. ' +
        'Crews in Manhattan worked through the night, officials said, and Lower Manhattan had power again by noon.',
    );
    expect(found.has('Lower Manhattan')).toBe(true);
    expect(found.has('Manhattan')).toBe(true);
  });

  it('drops plurals of initials, titles alone and page furniture', () => {
    const found = byName(
      'Pay row\n\nSeveral CEOs said on Tuesday that pay would fall, and CEOs in London agreed. Vice-president Mike Pence met the President-elect in New York. ' +
        'Rio Tinto shares rose in London.\n\nBreaking News\n\nOrder Reprints | Today’s Paper | Subscribe\n\nRead our Q&A with Mike Pence here.',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Mike Pence', 'London', 'Rio Tinto']));
    for (const junk of ['CEOs', 'President-elect', 'Vice-president', 'Breaking News', 'Paper', 'Q&A']) expect(found.has(junk), junk).toBe(false);
  });

  it('drops handles and e-mail addresses, and takes a handle off the name before it', () => {
    const found = byName(
      'Tech news\n\nLucas Nolan is a reporter for Breitbart News covering issues of free speech. Follow him on Twitter @LucasNolan_ or email him at lnolan@breitbart.com.',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Lucas Nolan', 'Breitbart News', 'Twitter']));
    for (const name of found.keys()) expect(name, name).not.toMatch(/@|LucasNolan|breitbart\.com/);
  });

  it('ends a name before the next sentence and before an "or" it ran on into', () => {
    const found = byName(
      'Consoles\n\nA decent PC costs between $600 and $800, but it will easily be more powerful than the Xbox One X. And you can upgrade it. ' +
        'Microsoft also sells the Xbox One S. That console is cheaper.\n\nA gunman seized hostages in a café in Sydney’s Central Business District or “CBD.”',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Xbox One X', 'Xbox One S', 'Central Business District']));
    for (const name of found.keys()) expect(name, name).not.toMatch(/ (?:And|That|or)$|\.$/);
  });

  it('ends a name before a sentence that opens with a pronoun or an article, and drops time zones and a job title before a name', () => {
    const found = byName(
      'Consoles\n\nYou need to pay more to play the exclusive titles in 4K. Everyone else might wait. Dolby Vision is supported on the One X, just like it did with the One S. The company’s app lets you configure it.\n\n' +
        'The ship had lifted off as scheduled at 8:51 p.m. (1451 GMT) from Baikonur.\n\n__\n\nAerospace Writer Marcia Dunn in Cape Canaveral, Florida, and Vladimir Isachenkov in Moscow contributed.',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['One X', 'One S', 'Marcia Dunn', 'Vladimir Isachenkov', 'Baikonur']));
    for (const name of found.keys()) expect(name, name).not.toMatch(/Everyone|\. The|GMT|Writer/);
  });

  it('keeps a point of the compass alone only as "the West"', () => {
    const found = byName(
      'Student Dies After Diet Pills She Bought Online\n\nThe mother of a woman who took suspected diet pills bought online has described how her daughter was “burning up from within”.\n\n' +
        'West Merica Police\n\nEloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April. Russia blamed the West for the sanctions, Moscow said.',
    );
    expect(found.get('West')?.mentions).toBe(1);
    expect(findActors(`Pills\n\nWest Merica Police\n\nEloise Parry, 21, was taken to hospital.`).map((a) => a.name)).not.toContain('West');
  });

  it('drops a weekday and a month taken together as a name ("Thursday Dec")', () => {
    const caption =
      'In this photo dated Tuesday, Nov, 29, 2016 the Soyuz-FG rocket booster with the Progress MS-04 cargo ship is installed on a launch pad in Baikonur, Kazakhstan. ' +
      'The unmanned Russian cargo space ship Progress MS-04 broke up in the atmosphere over Siberia on Thursday Dec. 1, 2016, just minutes after the launch en route to the ' +
      'International Space Station due to an unspecified malfunction, the Russian space agency said.(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)';
    const found = byName(`Space\n\nYahoo News - Latest News & Headlines\n\n1 / 5\n\n${caption}\n\n${caption}`);
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Siberia', 'Baikonur', 'Kazakhstan']));
    expect([...found.keys()].filter((name) => /Thursday|Dec\b/.test(name))).toEqual([]);
  });

  it('takes a title "of" an organisation off its name ("CEO of Vidyard" is Vidyard)', () => {
    const found = byName('Video at work\n\n“Video is the first communication world,” says Michael Litt, co-founder and CEO of Vidyard. “Video is a huge part of that.” Vidyard sells tools to companies.');
    expect(found.get('Vidyard')).toMatchObject({ type: 'organization', mentions: 2 });
    expect([...found.keys()].filter((name) => name.includes('CEO'))).toEqual([]);
  });

  it('drops degrees after a person\'s name and the AM or PM of a time, but keeps a state after a city, by its name', () => {
    const found = byName(
      'Allergy study\n\n“This is a groundbreaking study, really,” says Katie Allen, MD, PhD. She works in Melbourne. The scientists were led by Michael Shadlen, Ph.D., of Columbia University. ' +
        'The ring was taken from her room sometime between 8 AM and 9 PM Wednesday. The company is based in Baltimore, MD, and in Houston.',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Katie Allen', 'Michael Shadlen', 'Columbia University', 'Baltimore', 'Houston']));
    expect(found.get('Maryland')).toMatchObject({ type: 'place', mentions: 1, aliases: ['MD'] });
    expect(byName('Columbia\n\nA team at Columbia University in New York City, NY, set out to test it.').get('New York')).toMatchObject({ type: 'place', aliases: ['NY'] });
    for (const junk of ['Ph', 'PhD', 'AM', 'PM']) expect(found.has(junk), junk).toBe(false);
  });

  it('drops an acronym the text spells out in lower case, a thing\'s name, but keeps one defined by a name', () => {
    const found = byName(
      'Student dies after taking diet pills\n\nPolice said the tablets contained dinitrophenol, known as DNP, an industrial chemical. ' +
        'The Food Standards Agency (FSA) warned against DNP, and Tehreek-e-Taliban Pakistan (TTP) is not a chemical. ' +
        'The project makes a geographic information system (GIS) and the militant group (ISIS) said nothing about GIS.',
    );
    expect(found.has('DNP')).toBe(false);
    expect(found.has('GIS')).toBe(false);
    expect([...found.values()].flatMap((a) => [a.name, ...a.aliases])).toEqual(expect.arrayContaining(['FSA', 'TTP', 'ISIS']));
  });

  it('takes in a head the text writes in lower case after a name ("West Mercia police", "Royal Shrewsbury hospital")', () => {
    const found = byName(
      'Student dies after taking diet pills\n\nA student from London died on Sunday, West Mercia police said. ' +
        'She was taken to Royal Shrewsbury hospital, where doctors could not save her.',
    );
    expect(found.get('West Mercia police')).toMatchObject({ type: 'organization' });
    expect(found.get('Royal Shrewsbury hospital')).toMatchObject({ type: 'organization' });
    expect(found.get('London')).toMatchObject({ type: 'place', mentions: 1 });
  });

  it('drops the people of a place ("New Yorkers", "Londoners") but keeps names that end the same way', () => {
    const found = byName(
      'Winter comes to the city\n\nNew Yorkers and Londoners were cold on Monday, and Parisians stayed in. ' +
        'Rogers Communications said its customers were fine, and Peter Sellers agreed.',
    );
    for (const people of ['New Yorkers', 'Londoners', 'Parisians']) expect(found.has(people), people).toBe(false);
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Rogers Communications', 'Peter Sellers']));
  });

  it('takes a party\'s member from a place for the place ("an Oklahoma Republican")', () => {
    const found = byName(
      'Senators split on the budget\n\n“We will pay for it later,” said Senator James Lankford, an Oklahoma Republican. ' +
        'The Social Democrats in Berlin did not comment.',
    );
    expect(found.get('Oklahoma')).toMatchObject({ type: 'place' });
    expect(found.has('Oklahoma Republican')).toBe(false);
  });

  it('ends a name before a word in lower case that joins nothing ("… Legacy Program holds Polaroids")', () => {
    const found = byName(
      'Warhol photo legacy spread by university exhibits\n\nSince 2007 the Andy Warhol Photographic Legacy Program has seeded galleries. ' +
        'Each collection donated by the Andy Warhol Photographic Legacy Program holds Polaroids of celebrities.\n\n' +
        'The book Blown for Good critical of Scientology was published in 2009 by Marc Headley. Bill de Blasio read it.',
    );
    expect(found.get('Andy Warhol Photographic Legacy Program')).toMatchObject({ type: 'organization', mentions: 2, aliases: [] });
    expect([...found.keys()].filter((name) => / (?:holds|critical) /u.test(name))).toEqual([]);
    expect(found.has('Bill de Blasio')).toBe(true);
  });

  it('leaves out the label of a photo credit ("Belle Image: Nick Moreau.")', () => {
    const found = byName(
      'Pop culture celebrated at Fan Expo Canada\n\nThe far end of the convention floor, shortly after opening Friday. Image: Nick Moreau.\n\n' +
        'Peekaboo Cosplay as The Fawn Image: Nick Moreau.\n\nA photo of Ahmed Mohamed Image: Nick Moreau.\n\nAhmed Mohamed was arrested in Irving.',
    );
    expect(found.get('Ahmed Mohamed')).toMatchObject({ mentions: 2 });
    expect(found.get('Nick Moreau')).toMatchObject({ type: 'person', mentions: 3 });
    expect([...found.values()].flatMap((a) => [a.name, ...a.aliases]).filter((name) => name.includes('Image'))).toEqual([]);
  });

  it('lists no one named only in a picture\'s credit in brackets ("(AP Photo/Evan Vucci)", "[File:Reuters]")', () => {
    const found = byName(
      'Biden speaks\n\nPresident Joe Biden speaks in the East Room of the White House. (AP Photo/Evan Vucci)\n\n' +
        'The ship broke up over Siberia, the agency said.(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)\n\n(All photos: Atlas staff)\n\n' +
        'The pictures (shown by Reuters in London) were taken by Ann Smith.',
    );
    for (const name of ['Evan Vucci', 'Oleg Urusov', 'Roscosmos Space Agency Press Service', 'Atlas']) expect(found.has(name), name).toBe(false);
    for (const name of ['Joe Biden', 'White House', 'Siberia', 'Reuters', 'London', 'Ann Smith']) expect(found.has(name), name).toBe(true);
    const seed = byName('Talks\n\nAfter signing the Doha Agreement, Mullah Abdul Ghani Baradar and Zalmay Khalilzad shake hands. [File:Reuters].');
    expect(seed.has('Reuters')).toBe(false);
    expect(seed.has('Zalmay Khalilzad')).toBe(true);
  });

  it('takes no names from a work\'s title in quotes, but does from a quotation', () => {
    const found = byName(
      'Books\n\nIn her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster,” Rebecca Solnit wrote about San Francisco. ' +
        'In his 1963 paper "Deterministic Nonperiodic Flow," Edward Lorenz described chaos. The study "was done in Berlin by Angela Merkel\'s team," he said. ' +
        'Tracey Emin made neon signs with titles such as “You Loved Me Like a Distant Star” in London.',
    );
    for (const name of ['Paradise Built', 'Hell', 'Arise', 'Disaster', 'Deterministic Nonperiodic Flow', 'You Loved Me Like', 'Distant Star']) expect(found.has(name), name).toBe(false);
    for (const name of ['Rebecca Solnit', 'San Francisco', 'Edward Lorenz', 'Berlin', 'Angela Merkel', 'Tracey Emin', 'London']) expect(found.has(name), name).toBe(true);
  });

  it('finds a name after "Mr." that the tagger leaves out where a sentence starts', () => {
    const found = byName('Roads\n\nMr. Trump has called for spending on roads. Mrs. Clinton has not.');
    expect(found.get('Trump')).toMatchObject({ type: 'person', mentions: 1 });
    expect(found.get('Clinton')).toMatchObject({ type: 'person', mentions: 1 });
  });

  it('keeps a company apart from its branch in a place ("Yahoo", "Yahoo Japan"), both organisations', () => {
    const found = byName(
      'The deal\n\nYahoo will sell its internet business to Verizon for $4.8 billion. The cash will stay with Yahoo, as will its stakes in Alibaba Group and Yahoo Japan. ' +
        'Yahoo, which was founded in 1994, will become a holding company for the Alibaba and Yahoo Japan stock.',
    );
    expect(found.get('Yahoo')).toMatchObject({ type: 'organization', mentions: 3, aliases: [] });
    expect(found.get('Yahoo Japan')).toMatchObject({ type: 'organization', mentions: 2 });
  });

  it('keeps a name whole across a group\'s possessive ("Murdoch Children\'s Research Institute"), not across an owner\'s', () => {
    const found = byName(
      "Allergies\n\nKatie Allen of the Murdoch Children's Research Institute in Melbourne led the study. She spoke at the Women's Health Initiative in Seattle. " +
        "Stanford University's Center on Poverty and Inequality published the report.",
    );
    expect(found.get("Murdoch Children's Research Institute")?.type).toBe('organization');
    expect(found.has("Women's Health Initiative")).toBe(true);
    for (const name of ['Murdoch Children', 'Women', 'Research Institute']) expect(found.has(name), name).toBe(false);
    expect(found.has('Stanford University')).toBe(true);
  });

  it('drops the parts and measures of devices and the web\'s formats written in capitals ("CPU", "GB of RAM", "HTML")', () => {
    const found = byName(
      'Review\n\nMicrosoft says the CPU runs at 2.3 GHz, with 12 GB of RAM, HDR and an HDMI port, so it beats a PC. The console has three USB ports. Microsoft sells it for $499.',
    );
    for (const name of ['CPU', 'GHz', 'GB of RAM', 'HDR', 'HDMI', 'PC', 'USB']) expect(found.has(name), name).toBe(false);
    const web = byName('Jobs\n\nMicrosoft says employers want PHP, HTML and CSS, and fewer want JSON or AJAX. Microsoft published the data on Monday.');
    for (const name of ['PHP', 'HTML', 'CSS', 'JSON', 'AJAX']) expect(web.has(name), name).toBe(false);
    expect(web.has('Microsoft')).toBe(true);
    expect(found.get('Microsoft')?.type).toBe('organization');
  });

  it('splits a person from the organisation "of" which the tagger took into the name, and takes "Professor" as a title', () => {
    const found = byName(
      'Flag panel named\n\nThe panel includes Professor Emeritus John Burrows of the University of Canterbury. Professor Burrows said the vote was fair. ' +
        'Nick Rhodes of Duran Duran disagreed. So did Matthew Ingram of The Globe and Mail, and the Bank of America.',
    );
    expect(found.get('John Burrows')).toMatchObject({ type: 'person', mentions: 2, role: 'Professor Emeritus', aliases: ['Burrows'] });
    for (const person of ['Nick Rhodes', 'Matthew Ingram']) expect(found.get(person), person).toMatchObject({ type: 'person' });
    for (const org of ['University of Canterbury', 'Duran Duran', 'The Globe and Mail', 'Bank of America']) expect(found.get(org), org).toMatchObject({ type: 'organization' });
  });

  it('keeps a place apart from a longer name it begins that is no place ("New Zealand Herald"), not from a longer place', () => {
    const found = byName(
      'Flag vote divides country\n\nVoters in New Zealand chose the old flag, the New Zealand Herald reported. A poll by the New Zealand Herald ' +
        'found most of New Zealand undecided. The United States Navy sent a ship to New Zealand.\n\nIn New York City, crews worked all night. New York officials said the pipes were old.',
    );
    expect(found.get('New Zealand')).toMatchObject({ type: 'place', mentions: 3 });
    expect(found.get('New Zealand Herald')).toMatchObject({ type: 'organization', mentions: 2, aliases: [] });
    expect(found.get('United States Navy')).toMatchObject({ type: 'organization' });
    expect(found.get('New York City')?.aliases).toEqual(['New York']);
  });

  it('takes a hashtag for one word ("#Hamilton Chicago show" is the tag and Chicago)', () => {
    const found = byName('Protest at the musical\n\nThe tweet from Vulture magazine reads, “#Hamilton Chicago show interrupted by angry fans.”');
    expect(found.has('Hamilton Chicago')).toBe(false);
    expect(found.get('Chicago')).toMatchObject({ type: 'place', mentions: 1 });
  });

  it('splits two names written with a slash between them ("Nintendo/Apple")', () => {
    const found = byName(
      'Mario goes mobile\n\nNintendo/Apple\n\nNintendo and Apple shocked the world by announcing the game. ' +
        'The show is at the McCutchan Art Center / Pace Galleries.',
    );
    expect(found.get('Nintendo')).toMatchObject({ mentions: 2 });
    expect(found.get('Apple')).toMatchObject({ mentions: 2 });
    expect([...found.keys()]).toEqual(expect.arrayContaining(['McCutchan Art Center', 'Pace Galleries']));
    expect([...found.keys()].filter((name) => name.includes('/'))).toEqual([]);
  });

  it('takes "the Homeland Security Department" for "the Department of Homeland Security"', () => {
    const found = byName(
      'Inquiry widens\n\nWorkers from the Department of Homeland Security arrived on Monday, officials said. A Homeland Security Department spokesman said more would follow. ' +
        'The pipes were old, according to Environmental Protection Department officials and staff of the Department of Environmental Protection.',
    );
    expect(found.get('Department of Homeland Security')).toMatchObject({ mentions: 2, aliases: ['Homeland Security Department'] });
    expect(found.get('Department of Environmental Protection')).toMatchObject({ mentions: 2, aliases: ['Environmental Protection Department'] });
    expect(found.has('Homeland Security Department') || found.has('Environmental Protection Department')).toBe(false);
  });

  it('keeps a portfolio that names an office ("State Department", "Interior Ministry"), and takes it off a person as a title', () => {
    const found = byName(
      'Sanctions widen\n\nThe State Department said on Tuesday that it would review the sale. A Justice Department official said the inquiry was continuing. ' +
        'The Interior Ministry said three people were killed near Kabul, and Foreign Minister Ana Ruiz condemned the attack.',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['State Department', 'Justice Department', 'Interior Ministry', 'Ana Ruiz']));
    expect(found.has('Department') || found.has('Ministry')).toBe(false);
    expect(found.get('Ana Ruiz')?.role).toBe('Foreign Minister');
  });

  it('takes a state\'s abbreviation after a city for the state ("Cupertino, Calif."), and "Mass" alone for no state', () => {
    const found = byName(
      'Sales rise\n\nThe company, based in Cupertino, Calif., said sales rose in California and abroad. A lawyer in Louisville, Ky. agreed. ' +
        'Pope Francis celebrated Mass at the Vatican.',
    );
    expect(found.get('California')).toMatchObject({ type: 'place', mentions: 2, aliases: ['Calif'] });
    expect(found.get('Kentucky')).toMatchObject({ type: 'place', aliases: ['Ky'] });
    expect(found.has('Massachusetts')).toBe(false);
  });

  it('drops adjectives made of names ("Facebook-specific", "British-born"), not names with a lower-case part ("Kim Jong-un")', () => {
    const found = byName(
      'Ads and privacy\n\nThe British-born researcher studied Facebook-specific tracking and Warhol-like prints in London. ' +
        'Kim Jong-un met Leung Kwok-hung, and Kim Jong-un later left.',
    );
    expect([...found.keys()].filter((name) => /-(?:born|specific|like)$/.test(name))).toEqual([]);
    expect([...found.keys()]).toEqual(expect.arrayContaining(['London', 'Kim Jong-un']));
  });

  it('takes a group of people "of" a name at a sentence\'s start for the name ("Members of Congress")', () => {
    const found = byName('Vote delayed\n\nMembers of Congress said they would act. Critics of Scientology marched in Los Angeles.');
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Congress', 'Scientology', 'Los Angeles']));
    expect([...found.keys()].filter((name) => name.includes(' of '))).toEqual([]);
  });

  it('takes an acronym in brackets for the name before it only if it could stand for it ("Texas (AP)" is a credit)', () => {
    const found = byName(
      'Shares slide\n\nAUSTIN, Texas (AP) — Tesla shares fell on Thursday. The U.S. Patent and Trademark Office (USPTO) said the USPTO would rule. ' +
        'The AP reported the fall, and Texas officials said nothing.',
    );
    expect(found.get('Texas')?.aliases ?? []).not.toContain('AP');
    expect(found.has('AP')).toBe(true);
    expect(found.get('U.S. Patent and Trademark Office')?.aliases).toContain('USPTO');
  });

  it('drops the name in a disease ("Alzheimer\'s disease"), not an organisation named after it', () => {
    const found = byName(
      'Drug slows Alzheimer’s decline\n\nA drug slowed decline in patients with early Alzheimer’s disease, researchers at the Mayo Clinic said. ' +
        '"This is not a cure," said Maria Carrillo of the Alzheimer’s Association.',
    );
    expect(found.has('Alzheimer')).toBe(false);
    expect(found.get('Alzheimer’s Association')?.type).toBe('organization');
    expect(found.get('Mayo Clinic')?.type).toBe('organization');
  });

  it('writes a dateline\'s place in capitals as the place is written ("SAN FRANCISCO"), not initials', () => {
    const found = byName('Model released\n\nSAN FRANCISCO — OpenAI released a model on Tuesday. LONDON — Officials at NATO said nothing.');
    expect([...found.keys()]).toEqual(expect.arrayContaining(['San Francisco', 'London', 'NATO']));
  });

  it('leaves out a headline\'s verb that the tagger took into the name before it', () => {
    const found = byName(
      'Rewriting Rules of Engagement with Video in 2020: Vidyard Introduces New Features on its Video Platform\n\nVidyard Launches New Tools and Features for Businesses\n\n' +
        'Vidyard announced significant updates to its video hosting platform and tools yesterday.\n\nKey changes to Vidyard’s platform include new integration with Zoom and a redesign of its video hosting platform.\n\n' +
        '“Video is a huge part of that,” says Michael Litt, co-founder and CEO of Vidyard.',
    );
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Vidyard', 'Zoom', 'Michael Litt']));
    expect([...found.keys()].filter((name) => name.includes('Introduces'))).toEqual([]);
  });

  it('gives a form already written for one actor to that actor, however the tagger typed it', () => {
    const found = byName(
      'Why water mains break in winter\n\nWater mains across New York City break every winter, and New York officials expect more. ' +
        '[What you need to know to start the day: Get New York Today in your inbox.]\n\n' +
        'Rae Zimmerman, a professor at New York University, said the pipes were old.',
    );
    expect(found.has('Get New York')).toBe(false);
    expect(found.get('New York City')?.aliases).toContain('New York');
    expect(found.get('New York University')?.aliases ?? []).not.toContain('New York');
  });

  it('ranks an actor of the lede above one mentioned once at the end', () => {
    const names = [...actors.keys()];
    expect(names.indexOf('Zalmay Khalilzad')).toBeLessThan(names.indexOf('Pakistan'));
  });
});

describe('withSurnamesJoined', () => {
  const actor = (name: string, type: Actor['type'], offsets: Array<[number, number]>, role?: string): Actor => ({
    name,
    type,
    aliases: [],
    mentions: offsets.length,
    salience: offsets.length,
    offsets,
    ...(role ? { role } : {}),
  });

  it('joins a lone surname listed apart to the one person of that surname, once both are people', () => {
    const joined = withSurnamesJoined(
      [actor('Hamilton', 'person', [[50, 58], [90, 98], [120, 128]]), actor('Margaret Hamilton', 'person', [[10, 27]], 'programmer'), actor('Lorenz', 'person', [[30, 36]])],
      (offsets) => offsets.length,
    );
    expect(joined.map((a) => a.name)).toEqual(['Margaret Hamilton', 'Lorenz']);
    expect(joined[0]).toMatchObject({ aliases: ['Hamilton'], mentions: 4, salience: 4, role: 'programmer' });
    expect(joined[0].offsets.map(([start]) => start)).toEqual([10, 50, 90, 120]);
  });

  it('leaves a surname that two people share, or that is not typed a person, apart', () => {
    const shared = [actor('Gille', 'person', [[5, 10]]), actor('Sarah Gille', 'person', [[20, 31]]), actor('John Gille', 'person', [[40, 50]])];
    expect(withSurnamesJoined(shared, (o) => o.length)).toBe(shared);
    const place = [actor('Washington', 'place', [[5, 15]]), actor('MaliVai Washington', 'person', [[20, 38]])];
    expect(withSurnamesJoined(place, (o) => o.length)).toBe(place);
  });
});

describe.skipIf(!hasShared)('findActors on a real page', () => {
  it('joins no word that only begins a place’s name to the place ("New pipes will be made …", nytimes-3)', () => {
    const page = realPages().find((p) => p.name === 'nytimes-3')!;
    const url = 'https://www.nytimes.com/2019/02/21/nyregion/nyc-manhole-fires.html';
    const result = extractArticle(parseHtml(page.source, url), { url });
    if (!result.ok) throw new Error(result.message);
    const { text, info, ledeEnd } = result.article;
    const city = findActors(text, { title: info.title, ledeEnd }).find((a) => a.name === 'New York City');
    expect(city?.aliases).not.toContain('New');
    for (const [start, end] of city?.offsets ?? []) expect(text.slice(start, end)).toMatch(/^New York/);
  });
});
