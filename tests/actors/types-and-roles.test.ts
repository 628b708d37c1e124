import { describe, expect, it } from 'vitest';
import { findActors } from '../../lib/actors';

const actorsOf = (text: string) => new Map(findActors(text).map((a) => [a.name, a]));

describe('findActors types', () => {
  const actors = actorsOf(
    'Army Presses On in the Northwest\n\n' +
      'Even Operation Sarbakaf, the offensive in Bajaur, began only after talks collapsed. Officials said the Doha Agreement bound Kabul. ' +
      'Khalilzad argued that talks should resume. Analysts say Khalilzad has urged restraint before, and Khalilzad recalled the Doha talks.\n\n' +
      'Islamabad’s Position\n\n' +
      'Islamabad says the Afghan Taliban shelter the militants.',
  );

  it('types a name headed "Operation", "Agreement", "Bill" or "Depression" as an event, never a person or place', () => {
    expect(actors.get('Operation Sarbakaf')?.type ?? 'other').toBe('other');
    expect(actors.get('Doha Agreement')?.type ?? 'other').toBe('other');
    const bill = actorsOf('Media\n\nThe Data Retention Bill was debated on Monday. Critics of the Data Retention Bill include Bill Shorten, the Opposition Leader.');
    expect(bill.get('Data Retention Bill')?.type).toBe('other');
    expect(bill.get('Bill Shorten')?.type).toBe('person');
    const history = actorsOf('History\n\nThe deficit is the largest since the Great Depression, and the Fed has warned of it since the American Revolution ended.');
    for (const name of ['Great Depression', 'American Revolution']) expect(history.get(name)?.type, name).toBe('other');
  });

  it('types a surname the text has speak ("X argued", "X has urged") as a person', () => {
    expect(actors.get('Khalilzad')?.type).toBe('person');
  });

  it('types a name with an organisation head word as an organisation', () => {
    const taliban = actors.get('Afghan Taliban') ?? actors.get('Taliban');
    expect(taliban?.type).toBe('organization');
    expect(actorsOf('Quiet day\n\nMichael Forrest Jones was photographed in New York by Getty Images on Monday.').get('Getty Images')?.type).toBe('organization');
    expect(actorsOf('Early years\n\nShe studied physics at Earlham College in Indiana before moving to Boston.').get('Earlham College')?.type).toBe('organization');
  });

  it('types "Department of …" as an organisation even with a title beside it, and a stadium or a "Museum of …" as a place', () => {
    const found = actorsOf(
      'Budget fight\n\nInterest payments could surpass the Defense Department budget in 2023. The Department of Defense has not said where it would cut. ' +
        'Fans filled the Nizhny Novgorod Stadium on Sunday, and the Nizhny Novgorod Stadium was sold out again.',
    );
    expect(found.get('Department of Defense')?.type).toBe('organization');
    expect(found.get('Nizhny Novgorod Stadium')?.type).toBe('place');
    const museum = actorsOf('Warhol\n\nThe photographs went to the Mary & Leigh Block Museum of Art at Northwestern University in Evanston, Illinois.');
    expect(museum.get('Mary & Leigh Block Museum of Art')?.type).toBe('place');
  });

  it('types "National Institute of …" and "Royal College of …" as organisations', () => {
    const found = actorsOf(
      'Trial ends\n\nDr. Anthony Fauci, the director of the National Institute of Allergy and Infectious Diseases, testified before Congress. ' +
        'The Royal College of Surgeons welcomed the result.',
    );
    expect(found.get('National Institute of Allergy and Infectious Diseases')?.type).toBe('organization');
    expect(found.get('Royal College of Surgeons')?.type).toBe('organization');
  });

  it('types a party, or its members as a body, as an organisation ("Labor", "the Republicans", "the Liberal Democrats")', () => {
    const found = actorsOf(
      'Election called\n\nThe Liberal Democrats, led by Ed Davey, hope to win seats, and the Republicans said the vote was a test. ' +
        'In Canberra, Labor said it would oppose the bill.',
    );
    for (const party of ['Liberal Democrats', 'Republicans', 'Labor']) expect(found.get(party)?.type).toBe('organization');
  });

  it('types a name the text calls "which" or gives officials as an organisation, and one it calls "who" as a person', () => {
    const found = actorsOf(
      'Winter under the streets\n\n' +
        '“It is not protected,” said Patrick McHugh, vice president of planning for Con Edison, which maintains 90,000 miles of cable. ' +
        'Con Edison officials said they had begun replacing the gas lines. Con Edison, which maintains 4,300 miles of gas mains, records 500 leaks a month. ' +
        'There were 750 leaks in January, Con Edison officials said. ' +
        'Rae Zimmerman, who studies infrastructure, said the city had no choice.',
    );
    expect(found.get('Con Edison')?.type).toBe('organization');
    expect(found.get('Rae Zimmerman')?.type).toBe('person');
  });

  it('types an unknown "place" the text is only ever "on", or one with a capital inside a word, as an organisation', () => {
    const streaming = actorsOf('Streaming\n\nThe film is streaming on Vudu and on Hulu. The director lives in Paris and grew up in Dublin.');
    for (const name of ['Vudu', 'Hulu']) expect(streaming.get(name)?.type, name).toBe('organization');
    for (const name of ['Paris', 'Dublin']) expect(streaming.get(name)?.type, name).toBe('place');
    const deals = actorsOf(
      'Deals\n\nZuckerberg knows a thing or two about how to seal the deal on blockbuster buys. After all, he is the man behind his company’s $19 billion acquisition of WhatsApp, ' +
        'he personally brokered its $1 billion buyout of Instagram.\n\n“I’ve been building relationships, at least in Instagram and the WhatsApp cases, for years with the founders,” he said.',
    );
    expect(deals.get('WhatsApp')?.type).toBe('organization');
  });

  it('types a company the name lists know as an organisation, even "from" it ("officials from Google")', () => {
    const found = actorsOf('Regulators meet\n\nOfficials from Google met regulators in Brussels on Tuesday. Netflix said on Twitter that prices would rise.');
    expect(found.get('Google')?.type).toBe('organization');
    expect(found.get('Twitter')?.type).toBe('organization');
    expect(found.get('Brussels')?.type).toBe('place');
  });

  it('types a known place\'s name followed by a word that makes no place of it as an organisation, if nothing is ever in it', () => {
    const found = actorsOf(
      'Data\n\nThe Cambridge Analytica scandal is one instance. This is what Cambridge Analytica did, and the fallout from the storm around ' +
        'Facebook and Cambridge Analytica goes on. Rockets hit the Gaza Strip, and she moved to Kansas City.',
    );
    expect(found.get('Cambridge Analytica')?.type).toBe('organization');
    for (const name of ['Gaza Strip', 'Kansas City']) expect(found.get(name)?.type, name).toBe('place');
  });

  it('types a research or policy "Center" as an organisation, and a sports one as a place', () => {
    const found = actorsOf(
      'Climate\n\nThe Lorenz Center, which Daniel Rothman co-directs at MIT, studies climate. ' +
        'The final was played at the National Tennis Centre in Melbourne, and the National Tennis Centre was full.',
    );
    expect(found.get('Lorenz Center')?.type).toBe('organization');
    expect(found.get('National Tennis Centre')?.type).toBe('place');
  });

  it('types companies younger than the name lists as organisations ("owns Instagram", "a Politifact check")', () => {
    const found = actorsOf(
      'Data\n\nThe company owns Instagram, Atlas and WhatsApp. Mozilla said on its blog that Tumblr had joined. ' +
        'The claim did not survive a Politifact check, and Politifact rated it false.',
    );
    for (const name of ['Instagram', 'Mozilla', 'Politifact']) expect(found.get(name)?.type, name).toBe('organization');
  });

  it('types a name with a middle initial as a person', () => {
    expect(actorsOf('Neon\n\nIn 1898, the British chemists William Ramsay and Morris W. Travers discovered neon.').get('Morris W. Travers')?.type).toBe('person');
  });

  it('types a name that heads a body written in lower case as an organisation ("the Walkley journalism foundation")', () => {
    const found = actorsOf(
      'Surveillance\n\nThey held meetings with the ABC top brass and a group from the media union and the Walkley journalism foundation. ' +
        'I was involved as a member of the Walkley board. He had created his own Student Survival board game. ' +
        'Police told the Yugoslav news agency Tanjug that two men were held.',
    );
    expect(found.get('Walkley')?.type).toBe('organization');
    expect(found.get('Student Survival')?.type).not.toBe('organization');
    expect(found.get('Yugoslav')?.type).not.toBe('organization');
  });

  it('types a medal as a thing, not an organisation', () => {
    const found = actorsOf('Honours\n\nIn 2016 she received the Presidential Medal of Freedom from President Barack Obama.');
    expect(found.get('Presidential Medal of Freedom')?.type).toBe('other');
  });

  it('types a storm as an event and a street as a place', () => {
    expect(actorsOf('Storms\n\nAfter Hurricane Sandy, Uber doubled its prices in New York, and Sandy was blamed for the outages.').get('Hurricane Sandy')?.type).toBe('other');
    expect(actorsOf('Floods\n\nStorm Ciaran hit the coast of Cornwall on Thursday, and Storm Ciaran is expected to weaken.').get('Storm Ciaran')?.type).toBe('other');
    expect(actorsOf('Neon\n\nThe first neon sign in Paris lit up a barbershop on the Boulevard Montmartre in 1912.').get('Boulevard Montmartre')?.type).toBe('place');
  });

  it('types a name of two words after "a" that heads its noun phrase as a thing, not a person', () => {
    const found = actorsOf('Minibars\n\n“Minibars almost always lose money, even when they charge $10 for a Diet Coke,” Sharon said. He ordered a Big Mac at the counter.');
    expect(found.get('Diet Coke')?.type).toBe('other');
    expect(found.get('Big Mac')?.type).toBe('other');
    expect(found.get('Sharon')?.type).toBe('person');
    // One of a family is still a person.
    expect(actorsOf('Weddings\n\nShe was married to a Kennedy for ten years.').get('Kennedy')?.type).toBe('person');
  });

  it('types a name that fills a pair of quotes as a title, not a person', () => {
    const found = actorsOf('Mobile\n\nNintendo and Apple shocked the world by announcing "Super Mario Run," the company\'s first mobile game. Shigeru Miyamoto said it would cost $10.');
    expect(found.get('Super Mario Run')?.type).toBe('other');
    expect(found.get('Shigeru Miyamoto')?.type).toBe('person');
  });

  it('types a name listed among companies as an organisation, and gives a name both a place and a company no list\'s vote ("Amazon")', () => {
    const found = actorsOf(
      'Streaming\n\nThe film is available to rent on iTunes, Vudu, Amazon, YouTube, and Google Play. The documentary is streaming on Amazon and Vudu, and on iTunes, Amazon, YouTube and Google Play.',
    );
    expect(found.get('Amazon')?.type).toBe('organization');
  });

  it('types a name said beside a company the name lists know as an organisation ("Roscosmos and Boeing said")', () => {
    const found = actorsOf('Launch\n\nThe craft was lost over Siberia, and Roscosmos and Boeing said the crew was safe. Roscosmos will launch again in May.');
    expect(found.get('Roscosmos')?.type).toBe('organization');
    expect(found.get('Boeing')?.type).toBe('organization');
  });

  it('types who plays a part as a person ("starring Florence Pugh", "played by Holly Hunter")', () => {
    expect(actorsOf('Films\n\nThe sequel, starring Florence Pugh, opens in May.').get('Florence Pugh')?.type).toBe('person');
    expect(actorsOf('Films\n\nThe show, starring Jordan Peele, was a hit in Georgia.').get('Jordan Peele')?.type).toBe('person');
  });

  it('types a name the text says is a group, company or marketplace as an organisation, and no one near such a word', () => {
    const found = actorsOf(
      'Drugs\n\nThe group, called Energy Control, which has been running since 1997, tests drugs. Before joining Energy Control, Lladanosa worked in a lab.',
    );
    expect(found.get('Energy Control')?.type).toBe('organization');
    const news = actorsOf('Press\n\nIt was reported by Hina, the Croatian news agency. The other was insurer Thierry Dehaan, police said.');
    expect(news.get('Hina')?.type).toBe('organization');
    expect(news.get('Thierry Dehaan')?.type).toBe('person');
  });

  it('types a company the name lists know and no place list has as an organisation, even where the tagger and an "in" say place', () => {
    const found = actorsOf(
      'Deals\n\nHe personally brokered its $1 billion buyout of Instagram and closed the deal. I’ve been building relationships, at least in Instagram and the WhatsApp case, he said.',
    );
    expect(found.get('Instagram')?.type).toBe('organization');
  });

  it('names a state\'s body with the country\'s adjective the tagger left out ("the Indonesian Navy"), and joins its later short form to it', () => {
    expect(actorsOf('Asylum\n\nThe Indonesian Navy pushed the boats back out to sea.').has('Indonesian Navy')).toBe(true);
    const found = actorsOf('Talks\n\nThe German Foreign Ministry said talks would resume. The Foreign Ministry later added that Berlin was ready.');
    expect(found.get('German Foreign Ministry')).toMatchObject({ type: 'organization', aliases: ['Foreign Ministry'], mentions: 2 });
  });

  it('types a law ("the First Amendment", "the U.S. Flag Code") as a thing, not an organisation', () => {
    const found = actorsOf(
      'Flag\n\nHicks said the First Amendment protects her, and the First Amendment was cited by many. The U.S. Flag Code says a flag should never be used as clothing, and the U.S. Flag Code is not enforced.',
    );
    expect(found.get('First Amendment')?.type).toBe('other');
    expect(found.get('U.S. Flag Code')?.type).toBe('other');
  });

  it('types a feast or a pilgrimage ("the Hajj", "Ramadan") as an event, not a place or an organisation', () => {
    const found = actorsOf('Stampede\n\nMore than 700 pilgrims died during the Hajj near Mecca. The Hajj draws two million people, and Ramadan ended in July.');
    expect(found.get('Hajj')?.type).toBe('other');
  });

  it('types a company\'s name and one more word as the company\'s, never a person ("Mozilla Firefox", "Google Chrome")', () => {
    const found = actorsOf(
      'Browsers\n\nMozilla Firefox, its main rival, has been actively increasing its market share while the recently released Google Chrome is also quickly gaining users. ' +
        'Internet Explorer is nearly tied with Chrome. But if Chrome continues to surge, IE could fall to fourth place, and Firefox could gain.',
    );
    expect(found.get('Mozilla Firefox')?.type).toBe('organization');
    expect(found.get('Google Chrome')?.type).toBe('organization');
  });

  it('lists a faith\'s followers ("Muslims", "a Scientologist"), a creed or a fear ("Communism", "Islamophobia") as no actor', () => {
    const found = actorsOf('Hajj\n\nMillions of Muslims travel to Mecca each year. A Scientologist spoke to Reuters in Clearwater.');
    expect([...found.keys()].filter((name) => /Muslim|Scientolog/.test(name))).toEqual([]);
    const creeds = actorsOf('Neon\n\nAfter the fall of Communism in Warsaw, the signs went dark. Islamophobia rose in Irving, Salem said.');
    expect([...creeds.keys()].filter((name) => /ism|phobia/.test(name))).toEqual([]);
    expect(creeds.get('Warsaw')?.type).toBe('place');
    expect(found.get('Mecca')?.type).toBe('place');
  });

  it('lists an office without its holder ("the State Department Spokesperson") as no actor', () => {
    const found = actorsOf('Asylum\n\nJeff Rathke, the State Department Spokesperson, said, “We urge the governments to act.”');
    expect([...found.keys()].filter((name) => /Spokesperson/.test(name))).toEqual([]);
    expect(found.get('Jeff Rathke')?.type).toBe('person');
  });

  it('lists a courtesy title the tagger took apart from its name ("Miss Ellen Fetter") as no actor', () => {
    const found = actorsOf('Chaos\n\nLorenz had written, “Special thanks are due to Miss Ellen Fetter for handling the many numerical computations.”');
    expect(found.has('Miss')).toBe(false);
    expect(found.get('Ellen Fetter')?.type).toBe('person');
  });

  it('reads a subheading in Title Case like a headline, so its common words are no names', () => {
    expect(actors.has('Position')).toBe(false);
    expect(actors.get('Islamabad')?.type).toBe('place');
  });
});

describe('findActors roles', () => {
  const actors = actorsOf(
    'Talks again\n\n' +
      'His remarks echoed those of former prime minister Imran Khan, who has long opposed the operation. ' +
      'Former United States envoy to Afghanistan Zalmay Khalilzad disagreed. ' +
      'Jane Porter, a senior analyst at the Brookings Institution, said both were wrong.',
  );

  it('takes the noun phrase of titles just before a name, not the clause around it', () => {
    expect(actors.get('Imran Khan')?.role).toBe('former prime minister');
  });

  it('keeps "envoy to X" and the names inside a role', () => {
    expect(actors.get('Zalmay Khalilzad')?.role).toBe('former United States envoy to Afghanistan');
  });

  it('reads a short apposition after the name as a role', () => {
    expect(actors.get('Jane Porter')?.role).toBe('a senior analyst at the Brookings Institution');
  });

  it('ends an apposition\'s role before a name that goes on past its comma', () => {
    const found = actorsOf(
      'Chaos\n\n“It was a way to get into the field,” said Jennifer Light, the department head for MIT’s Science, Technology and Society program.',
    );
    expect(found.get('Jennifer Light')?.role).toBe('the department head');
  });

  it('reads a role on the name\'s own line and in its own sentence only', () => {
    const found = actorsOf(
      'Talks in Bali Report\n\nSecretary of State Antony Blinken met Wang Yi in Bali. The bill passed Congress. Senator James Lankford said it was dead. ' +
        'Later, U.S. Senator John Smith said the talks had failed.',
    );
    expect(found.get('Antony Blinken')?.role).toBe('Secretary of State');
    expect(found.get('James Lankford')?.role).toBe('Senator');
    expect(found.get('John Smith')?.role).toBe('U.S. Senator');
  });

  it('takes "Chair" as a title, and a lawmaker\'s party and state for no actor', () => {
    const found = actorsOf(
      'Rates hold\n\nThe Federal Reserve kept rates unchanged, Fed Chair Jerome Powell said. ' +
        'Sen. Mitch McConnell, R-Ky., and Rep. Alexandria Ocasio-Cortez (D-N.Y.) both criticised the decision.',
    );
    expect(found.get('Jerome Powell')?.role).toMatch(/Chair$/);
    expect([...found.keys()]).toEqual(expect.arrayContaining(['Mitch McConnell', 'Alexandria Ocasio-Cortez']));
    expect([...found.keys()].filter((name) => /^[DR]-/.test(name))).toEqual([]);
  });

  it('takes an abbreviated title as the role ("Gov.", "Maj. Gen."), and a time\'s "PM ET" for no actor', () => {
    const found = actorsOf(
      'Law signed\n\nBy Jane Doe, CNN. Updated 3:45 PM ET, Mon March 4, 2024.\n\nGov. Gavin Newsom signed the law in Sacramento. ' +
        'Maj. Gen. Pat Ryder said troops in Syria were attacked.',
    );
    expect(found.get('Gavin Newsom')?.role).toBe('Gov.');
    expect(found.get('Pat Ryder')?.role).toBe('Maj. Gen.');
    expect([...found.keys()].filter((name) => /\b(?:PM|ET)\b/.test(name))).toEqual([]);
  });

  it('leaves the comma of an apposition out of the role ("Yahoo’s chief executive, Marissa Mayer")', () => {
    const found = actorsOf('Yahoo sold\n\nThe deal was announced on Monday by Yahoo’s chief executive, Marissa Mayer, in California.');
    expect(found.get('Marissa Mayer')?.role).toBe('Yahoo’s chief executive');
  });

  it('takes "Chief Executive" as a title, but keeps "General Motors" whole', () => {
    const found = actorsOf(
      'Shares slide\n\nTesla shares fell 9% on Thursday after Chief Executive Elon Musk warned that growth would slow. ' +
        'Ford and General Motors have both scaled back their plans, and Mr. Musk said he was not worried.',
    );
    expect(found.get('Elon Musk')).toMatchObject({ type: 'person', role: 'Chief Executive' });
    expect(found.get('General Motors')?.type).toBe('organization');
    expect(found.has('Motors') || found.has('Mr. Musk')).toBe(false);
  });

  it('types the name before "administration" as a person, and reads a possessive office as the role', () => {
    const found = actorsOf(
      'Costs rise\n\nThe results come as the Biden administration pushes automakers to build more electric cars. ' +
        'Tesla’s chief financial officer, Vaibhav Taneja, said spending would top $10 billion.',
    );
    expect(found.get('Biden')?.type).toBe('person');
    expect(found.get('Vaibhav Taneja')?.role).toBe('Tesla’s chief financial officer');
  });

  it('reads an apposition that opens with an owner as the role ("Sundar Pichai, Google’s chief executive, said")', () => {
    const found = actorsOf('Models spread\n\nSundar Pichai, Google’s chief executive, said last month that the models were popular.');
    expect(found.get('Sundar Pichai')?.role).toBe('Google’s chief executive');
  });

  it('shows no courtesy title as a role, and lists no party member ("a Virginia Democrat") as an actor', () => {
    const found = actorsOf(
      'Debt\n\n“It has just disappeared,” said Senator Mark Warner, a Virginia Democrat. Mr. Trump has called for spending. Mr. Warner, the Virginia Democrat, said so too.',
    );
    expect(found.get('Trump')).toMatchObject({ type: 'person' });
    expect(found.get('Trump')?.role).toBeUndefined();
    expect(found.get('Mark Warner')?.role).toBe('Senator');
    expect(found.has('Democrat')).toBe(false);
  });

  it('takes a portfolio between an office and its holder\'s name into the role, not the name or the actors', () => {
    const found = actorsOf(
      'Cabinet\n\nMinister of Education Stefania Giannini said a new law was needed. Undersecretary for Education Mr. Toccafondi says many schools pay. ' +
        'Director of National Intelligence James Clapper testified. The Secretary of Defense Ash Carter visited troops. ' +
        'Chancellor of the Exchequer George Osborne announced the budget.',
    );
    expect(found.get('Stefania Giannini')).toMatchObject({ type: 'person', role: 'Minister of Education' });
    expect(found.get('Toccafondi')).toMatchObject({ type: 'person', role: 'Undersecretary for Education' });
    expect(found.get('James Clapper')?.role).toBe('Director of National Intelligence');
    expect(found.get('Ash Carter')).toMatchObject({ type: 'person', role: 'Secretary of Defense' });
    expect(found.get('George Osborne')?.role).toBe('Chancellor of the Exchequer');
    expect([...found.keys()].filter((name) => /Education|Intelligence|Defense|Exchequer/.test(name))).toEqual([]);
  });

  it('keeps a place or an organisation written between an office and its holder, and an organisation\'s own name whole', () => {
    const found = actorsOf(
      'Politics\n\nGovernor of Texas Greg Abbott signed the bill. Chairman of Apple Tim Cook said sales rose. ' +
        'She is the director of the Bill & Melinda Gates Foundation in Seattle. John Head, spokesman for the Association of Lloyd, said so.',
    );
    expect(found.get('Greg Abbott')?.role).toBe('Governor of Texas');
    expect(found.get('Texas')?.type).toBe('place');
    expect(found.get('Apple')?.type).toBe('organization');
    expect(found.has('Bill & Melinda Gates Foundation')).toBe(true);
    expect(found.has('Association of Lloyd')).toBe(true);
  });

  it('types a government "Office" as an organisation, with no role from the spokesperson before it', () => {
    const found = actorsOf('Asylum\n\nA spokesperson for the United Kingdom Home Office said the questionnaire would be reviewed.');
    expect(found.get('Home Office')?.type).toBe('organization');
    expect(found.get('Home Office')?.role).toBeUndefined();
    expect(actorsOf('White House\n\nThe president met the delegation in the Oval Office on Monday.').get('Oval Office')?.type).toBe('place');
  });

  it('gives no role to a name its owner writes just before it ("the department head for MIT’s Science program")', () => {
    const found = actorsOf('Chaos\n\n“It was a wonder,” wrote Jennifer Light, the department head for MIT’s Science, Technology and Society program, in an email.');
    expect(found.get('Science, Technology and Society')?.role).toBeUndefined();
    expect(found.get('Science, Technology and Society')?.type).not.toBe('person');
  });

  it('gives no role to places and organisations', () => {
    expect(actors.get('Brookings Institution')?.role).toBeUndefined();
  });
});
