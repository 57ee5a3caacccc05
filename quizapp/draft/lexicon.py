"""Word lists the draft extractor relies on: speech verbs, titles, organisation
words, countries with their capitals and demonyms, eras, common words.

Plain data, small enough to read: the rules in the other modules say how
they are used.
"""

from __future__ import annotations

from dataclasses import dataclass


def word_set(text: str) -> frozenset[str]:
    """The set of the words of ``text``, split at whitespace."""
    return frozenset(text.split())


#: Verbs that introduce or attribute speech, in the forms news text uses.
SPEECH_VERBS = word_set(
    """
    said says say saying told tells tell added adds adding asked asks explained explains
    noted notes argued argues warned warns wrote writes stated states declared declares
    insisted insists recalled recalls remarked remarks continued continues replied replies
    responded responds answered answers observed observes acknowledged acknowledges
    admitted admits claimed claims suggested suggests cautioned cautions conceded concedes
    complained complains countered counters emphasized emphasizes emphasised emphasises
    stressed stresses predicted predicts announced announces reported reports tweeted
    tweets posted posts quipped quips joked jokes concluded concludes agreed agrees
    urged urges vowed vows mused muses shouted shouts whispered whispers sighed laughed
    pleaded pleads promised promises boasted boasts lamented laments confirmed confirms
    denied denies maintained maintains contended contends testified testifies
    explained reflected reflects summed sums put puts went goes recounted recounts
    recalled elaborated elaborates charged charges objected objects protested protests
    conceded assured assures reassured reminded reminds wondered wonders
    """
)

#: Verbs that introduce a quoted fragment inside reported speech
#: ("calling it “a fabrication”", "described the plan as “reckless”").
FRAGMENT_VERBS = SPEECH_VERBS | word_set(
    """
    called calling calls call described describing describes dismissed dismissing
    dismisses labelled labeled labelling labeling labels termed terms denounced
    denouncing denounces accused accusing accuses praised praising praises hailed hailing
    hails criticised criticized criticising criticizing condemned condemning
    branded branding brands characterised characterized deemed
    promising pledged pledging warning urging insisting vowing arguing describing
    saying noting adding stressing
    """
)

#: Words that can sit between a speaker and the speech verb ("he later said").
ADVERBS = word_set(
    """
    also later then again once previously recently repeatedly simply flatly bluntly
    quickly calmly angrily proudly firmly publicly privately earlier still further now
    already just reportedly allegedly currently often soon always usually
    had has have would will could might may must should did does do has not never
    """
)

#: Lower-case words after a name that show it acts: auxiliaries and common verbs.
ACTION_WORDS = word_set(
    """
    is was are were has have had will would can could may might must should shall
    does did do began begins begin bought buys sold sells chose chooses became becomes
    took takes gave gives made makes sent sends won wins lost loses led leads left leaves
    met meets ran runs kept keeps held holds brought brings paid pays set sets rose
    fell fought fights built builds drew draws spent spends sought seeks struck strikes
    went goes came comes saw sees knew knows thought thinks felt feels found finds
    wants wanted needs needed plans planned hopes hoped tried tries
    """
)

#: Lower-case words before a name that make it a place or an object, not an actor.
PLACE_PREPOSITIONS = word_set(
    """in into at to from across near inside outside throughout within toward towards via
    of for with on about against than like over under between among beyond behind"""
)

#: Words of a title that may stand before a name ("Russian President Vladimir Putin").
TITLE_WORDS = word_set(
    """
    President Vice Prime Minister Foreign Defense Defence Secretary Secretary-General
    General Chancellor Senator Sen. Sen Rep. Rep Representative Gov. Gov Governor
    Mayor Ambassador Envoy Judge Justice Chief Executive Director Chairman Chairwoman
    Chair CEO CFO Commissioner King Queen Prince Princess Pope Archbishop Bishop
    Cardinal Rabbi Imam Sheikh Speaker Leader Majority Minority Deputy Lt. Lt
    Lieutenant Col. Col Colonel Gen. Gen Adm. Adm Admiral Capt. Capt Captain Sgt. Sgt
    Sergeant Officer Detective Inspector Professor Prof. Prof Coach Commander
    Attorney Solicitor Spokesman Spokeswoman Spokesperson Premier Crown Emir Sultan
    Ayatollah Supreme Interior Finance Economy Economic Trade Health Education Energy
    Agriculture Transport Transportation Labor Labour Home National Security Adviser
    Advisor Senior First Lady Lord Sir Dame Baroness Baron Councillor Councilor
    Councilwoman Councilman Assemblyman Assemblywoman Congressman Congresswoman
    Superintendent Principal Dean Chancellor Provost President-elect State Affairs
    Finance Culture Environment Interior Treasury Attorney-General Auditor Mayor-elect
    Police Fire Army Navy Air Force Marine Corps Pastor Father Sister Brother Reverend
    Rev. Rev Archduke Duke Duchess Count Countess Chief Justice Economy Minister
    Opposition Party Head Team Manager Executive Founder Co-founder Editor Publisher
    Historian Curator Conductor Composer Author Director-General Governor-General
    """
)

#: Courtesy titles: part of how a person is named, never their role.
HONORIFICS = word_set("Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Dr Dr. Messrs Messrs. Mme Mme. M.")

#: Lower-case role nouns that can come before a name ("former ambassador Ross Wilson")
#: or stand for a person already named ("the minister said").
ROLE_NOUNS = word_set(
    """
    president minister secretary senator governor mayor ambassador envoy judge justice
    director chairman chairwoman chair commissioner spokesman spokeswoman spokesperson
    professor analyst economist historian researcher scientist lawyer attorney official
    officer commander general admiral colonel captain chief executive founder editor
    author writer curator teacher principal dean coach manager leader adviser advisor
    diplomat lawmaker legislator prosecutor chancellor premier king queen prince
    spokesman expert fellow activist organiser organizer economist candidate negotiator
    conservator archivist engineer nurse doctor farmer scientist researcher chairwoman
    councillor councilor trustee inspector detective sergeant pastor priest rabbi imam
    cleric bishop coach economist columnist correspondent reporter novelist poet artist
    architect designer surgeon physician pilot"""
)

#: Words that name a kind of organisation; a name holding one is an institution.
ORGANISATION_WORDS = word_set(
    """
    Ministry Department Institute Institution Program Programme Council Committee Agency
    University College School Academy Bank Party Union Organization Organisation
    Association Foundation Commission Court Parliament Congress Senate Administration
    Office Service Services Army Navy Police Company Corp Corp. Corporation Inc Inc.
    Ltd Ltd. LLC Group Center Centre Fund Board Authority Assembly Church Times Post
    News Network Forum Alliance Society Federation League Club Museum Library Hospital
    Clinic Trust Bureau Cabinet Government Guard Forces Force Party Coalition Front
    Movement Union Institute Laboratory Laboratories Lab Labs Initiative Council Tribunal
    Chamber Commission Conference Secretariat Kremlin Pentagon Parliament Bundestag
    Duma Knesset Reuters Associated Press Gazette Journal Herald Tribune Observer
    Guardian Telegraph Review Magazine Broadcasting Radio Television TV Studio Studios
    Airlines Airways Railway Railways Motors Industries Holdings Partners Capital
    Systems Technologies Energy Oil Gas Electric Pharmaceuticals Brigade Battalion
    Division Regiment Command Cabinet Directorate Observatory Orchestra Theatre Theater
    Opera Ballet Gallery Zoo Council Watch Amnesty Greenpeace NATO
    """
)

#: Lower-case heads that refer back to a named organisation ("the ministry").
ORGANISATION_HEADS = word_set(
    """
    ministry department institute program programme council committee agency university
    college school academy bank party union organization organisation association
    foundation commission court parliament congress senate administration office service
    company corporation group center centre fund board authority assembly church museum
    library hospital trust bureau cabinet government alliance federation league club
    network coalition movement tribunal chamber orchestra theatre theater gallery firm
    campaign team newspaper paper magazine studio airline
    """
)

#: Lower-case heads after a name that make a government or team
#: ("the Trump administration", "the Johnson government").
GOVERNMENT_HEADS = word_set("administration government regime cabinet campaign")

#: Lower-case nouns of people speaking as a group ("Turkish officials said").
GROUP_NOUNS = word_set(
    """
    officials official diplomats diplomat analysts analyst experts expert spokesman
    spokeswoman spokesperson sources source lawmakers lawmaker legislators residents
    protesters protestors workers researchers scientists doctors teachers students
    investigators prosecutors police officers authorities leaders members critics
    supporters organisers organizers villagers voters observers witnesses
    """
)

#: Last words of names of laws, treaties and plans: never actors.
LAW_WORDS = word_set(
    """Act Acts Treaty Agreement Accord Accords Convention Protocol Amendment Doctrine
    Declaration Charter Directive Resolution Bill Code Constitution Pact Compact"""
)

#: Words of places (a name holding one is a place, never an actor).
PLACE_WORDS = word_set(
    """
    Sea Ocean River Mountains Mountain Mount Gulf Strait Straits Island Islands Lake
    Valley Desert Coast Bay Peninsula Street Avenue Road Square Park Bridge Canal Hills
    Plain Plains Basin Delta Channel Cape Harbor Harbour Airport Station Province
    County District Region Heights Forest Falls Beach Boulevard Lane
    """
)

# Countries: "name|variant|...; capital; demonym". Variants are other names for
# the same country; the capital often stands for its government ("Ankara").
_COUNTRY_TABLE = """
Afghanistan; Kabul; Afghan
Albania; Tirana; Albanian
Algeria; Algiers; Algerian
Argentina; Buenos Aires; Argentine
Armenia; Yerevan; Armenian
Australia; Canberra; Australian
Austria; Vienna; Austrian
Azerbaijan; Baku; Azerbaijani
Bahrain; Manama; Bahraini
Bangladesh; Dhaka; Bangladeshi
Belarus; Minsk; Belarusian
Belgium; Brussels; Belgian
Benin|Republic of Benin; Porto-Novo; Beninese
Bolivia; La Paz; Bolivian
Bosnia|Bosnia and Herzegovina; Sarajevo; Bosnian
Brazil; Brasilia|Brasília; Brazilian
Bulgaria; Sofia; Bulgarian
Cambodia; Phnom Penh; Cambodian
Cameroon; Yaounde; Cameroonian
Canada; Ottawa; Canadian
Chile; Santiago; Chilean
China|People's Republic of China; Beijing; Chinese
Colombia; Bogota|Bogotá; Colombian
Congo|Democratic Republic of Congo|DRC; Kinshasa; Congolese
Croatia; Zagreb; Croatian
Cuba; Havana; Cuban
Cyprus; Nicosia; Cypriot
Czech Republic|Czechia; Prague; Czech
Denmark; Copenhagen; Danish
Ecuador; Quito; Ecuadorian
Egypt; Cairo; Egyptian
Estonia; Tallinn; Estonian
Ethiopia; Addis Ababa; Ethiopian
Finland; Helsinki; Finnish
France; Paris; French
Georgia; Tbilisi; Georgian
Germany; Berlin; German
Ghana; Accra; Ghanaian
Greece; Athens; Greek
Hungary; Budapest; Hungarian
Iceland; Reykjavik; Icelandic
India; New Delhi|Delhi; Indian
Indonesia; Jakarta; Indonesian
Iran; Tehran; Iranian
Iraq; Baghdad; Iraqi
Ireland; Dublin; Irish
Israel; Jerusalem; Israeli
Italy; Rome; Italian
Japan; Tokyo; Japanese
Jordan; Amman; Jordanian
Kazakhstan; Astana; Kazakh
Kenya; Nairobi; Kenyan
Kosovo; Pristina; Kosovar
Kuwait; Kuwait City; Kuwaiti
Latvia; Riga; Latvian
Lebanon; Beirut; Lebanese
Libya; Tripoli; Libyan
Lithuania; Vilnius; Lithuanian
Malaysia; Kuala Lumpur; Malaysian
Mali; Bamako; Malian
Mexico; Mexico City; Mexican
Moldova; Chisinau; Moldovan
Morocco; Rabat; Moroccan
Myanmar|Burma; Naypyidaw; Burmese
Nepal; Kathmandu; Nepali
Netherlands|Holland|the Netherlands; Amsterdam|The Hague; Dutch
New Zealand; Wellington; New Zealander
Nigeria; Abuja; Nigerian
North Korea; Pyongyang; North Korean
Norway; Oslo; Norwegian
Oman; Muscat; Omani
Pakistan; Islamabad; Pakistani
Palestine|Palestinian territories; Ramallah; Palestinian
Peru; Lima; Peruvian
Philippines|the Philippines; Manila; Filipino
Poland; Warsaw; Polish
Portugal; Lisbon; Portuguese
Qatar; Doha; Qatari
Romania; Bucharest; Romanian
Russia|Russian Federation; Moscow; Russian
Rwanda; Kigali; Rwandan
Saudi Arabia; Riyadh; Saudi
Senegal; Dakar; Senegalese
Serbia; Belgrade; Serbian
Singapore; Singapore; Singaporean
Slovakia; Bratislava; Slovak
Slovenia; Ljubljana; Slovenian
Somalia; Mogadishu; Somali
South Africa; Pretoria; South African
South Korea|Korea; Seoul; South Korean
Spain; Madrid; Spanish
Sri Lanka; Colombo; Sri Lankan
Sudan; Khartoum; Sudanese
Sweden; Stockholm; Swedish
Switzerland; Bern; Swiss
Syria; Damascus; Syrian
Taiwan; Taipei; Taiwanese
Tanzania; Dodoma; Tanzanian
Thailand; Bangkok; Thai
Tunisia; Tunis; Tunisian
Turkey|Türkiye; Ankara; Turkish
Uganda; Kampala; Ugandan
Ukraine; Kyiv|Kiev; Ukrainian
United Arab Emirates|UAE; Abu Dhabi; Emirati
United Kingdom|U.K.|UK|Britain|Great Britain; London; British
United States|U.S.|US|U.S.A.|USA|America; Washington; American
Uzbekistan; Tashkent; Uzbek
Venezuela; Caracas; Venezuelan
Vietnam; Hanoi; Vietnamese
Yemen; Sanaa; Yemeni
Zimbabwe; Harare; Zimbabwean
European Union|EU|E.U.; Brussels; European
"""


@dataclass(frozen=True)
class Country:
    """A country as news text names it."""

    name: str
    variants: tuple[str, ...]
    capitals: tuple[str, ...]
    demonym: str


def _countries() -> tuple[Country, ...]:
    rows = []
    for line in _COUNTRY_TABLE.strip().splitlines():
        names, capitals, demonym = (part.strip() for part in line.split(";"))
        variants = tuple(names.split("|"))
        rows.append(Country(variants[0], variants, tuple(capitals.split("|")), demonym))
    return tuple(rows)


COUNTRIES = _countries()
#: Any country variant -> its country.
COUNTRY_BY_NAME = {variant: c for c in COUNTRIES for variant in c.variants}
#: A capital -> the country it stands for (a city that is two capitals is left out).
COUNTRY_BY_CAPITAL = {
    capital: c
    for c in COUNTRIES
    for capital in c.capitals
    if sum(capital in other.capitals for other in COUNTRIES) == 1
}
#: Demonyms and other adjectives of nationality or region ("Russian", "Western").
DEMONYMS = frozenset(c.demonym for c in COUNTRIES) | word_set(
    """
    Western Eastern Northern Southern European African Asian Arab Kurdish Soviet
    Persian Latin Balkan Baltic Nordic Scandinavian Gulf Caucasian Catalan Basque
    Scottish Welsh English Flemish Bavarian Sicilian Chechen Tibetan Uighur Uyghur
    Pashtun Tamil Sikh Hindu Muslim Christian Jewish Catholic Orthodox Sunni Shia
    Shiite Islamic Republican Democratic Federal Communist
    """
)

#: Months, by name and common abbreviation, to their number.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "January Jan. Jan",
            "February Feb. Feb",
            "March Mar.",
            "April Apr.",
            "May",
            "June",
            "July",
            "August Aug.",
            "September Sept. Sep.",
            "October Oct.",
            "November Nov.",
            "December Dec.",
        ),
        start=1,
    )
    for name in names.split()
}
WEEKDAYS = word_set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

#: Eras news text names, with a year to sort them by (all approximate).
ERAS = {
    "soviet": 1955,
    "post-soviet": 1995,
    "cold war": 1960,
    "postwar": 1946,
    "post-war": 1946,
    "prewar": 1938,
    "pre-war": 1938,
    "interwar": 1930,
    "wartime": 1942,
    "victorian": 1870,
    "edwardian": 1905,
    "elizabethan": 1580,
    "tudor": 1530,
    "georgian": 1780,
    "napoleonic": 1805,
    "ottoman": 1800,
    "colonial": 1900,
    "medieval": 1200,
    "middle ages": 1200,
    "renaissance": 1500,
    "enlightenment": 1750,
    "great depression": 1932,
    "depression": 1932,
    "communist": 1960,
    "stalin": 1940,
    "mao": 1960,
    "tsarist": 1880,
    "imperial": 1880,
    "reagan": 1985,
    "thatcher": 1985,
    "obama": 2012,
    "pre-pandemic": 2019,
    "pandemic": 2020,
    "roman": 100,
    "byzantine": 800,
    "ancient": 1,
    "biblical": 1,
    "stone age": 1,
    "bronze age": 1,
    "iron age": 1,
    "industrial revolution": 1800,
    "apartheid": 1970,
    "franco": 1955,
    "cultural revolution": 1968,
}

#: Nouns that make "the X era" / "Soviet times" an era.
ERA_NOUNS = word_set("era eras times days period years age")

#: Nouns after a number that make it a count, not a year ("1500 troops").
COUNT_NOUNS = word_set(
    """
    people persons troops soldiers men women children years year km kilometres
    kilometers miles metres meters feet foot votes seats members dollars euros pounds
    yen units tons tonnes barrels cases deaths dead jobs students workers residents
    homes houses acres hectares pages words copies cars vehicles flights rounds
    missiles jets aircraft planes ships points runs goals hours minutes days weeks
    months employees staff refugees migrants patients visitors tickets signatures
    percent per cent times calories sq square cubic mph kph kg grams pupils voters
    """
)

#: Common English words: capitalised at a sentence start, they are not names.
COMMON_WORDS = word_set(
    """
    a an the and but or nor so yet for if when while because although though as since
    after before until unless once then than that this these those there here where why
    how what which who whom whose whether it its it's he she they we i you me him her
    them us his hers their theirs our ours my mine your yours one ones some any all
    both each every either neither no not none many much more most few fewer less least
    other another such same own only just even still also already again ever never
    always often sometimes now today tomorrow yesterday tonight later soon meanwhile
    however moreover furthermore nevertheless nonetheless instead overall indeed perhaps
    maybe certainly clearly surely still things thing something nothing everything
    anything someone everyone anyone nobody among amid against about above across
    along around at by down from in inside into like near of off on onto out outside over
    past through throughout to toward towards under up upon with within without despite
    during except beyond between behind below beneath beside besides is was are were be
    been being has have had do does did will would can could may might must shall
    should first second third last next new old many several given asked told says said
    more less better worse best worst yes no please thanks well oh even unlike
    diplomacy asked critics supporters officials experts analysts others people
    according under including following given despite amid unlike like
    """
)

#: Common first names, by the pronoun that fits them.
MALE_NAMES = word_set(
    """
    Aaron Adam Adrian Ahmed Ahmet Alan Albert Alex Alexander Alexei Ali Andrew Anthony
    Antonio Barack Ben Benjamin Bernard Bill Bob Boris Brian Carl Carlos Charles Chris
    Christian Christopher Daniel David Dmitry Donald Ed Edward Emmanuel Eric Francesco
    Frank Frederick Gary George Gerhard Greg Hans Henry Hugo Ian Igor Ivan Jack Jacob
    James Jeff Jim Joe John Jonathan Jose José Joseph Josh Juan Justin Keir Kevin Louis
    Luis Manuel Marco Mark Martin Matthew Mehmet Michael Mike Mohammed Muhammad Nicholas
    Olaf Oliver Patrick Paul Peter Philip Pierre Recep Richard Robert Ross Ryan Sam Samuel
    Sergei Sergey Simon Soner Stephen Steve Steven Thomas Tim Timothy Tom Tony Viktor
    Vladimir Walter William Xi Yusuf Omar Hassan Hamid Karim Rashid Tariq Pedro Diego
    Miguel Rafael Lars Jan Piotr Tomasz Andrzej Mustafa Kemal Ibrahim Mahmoud Khalid
    Rishi Narendra Rahul Arjun Vikram Hiroshi Takeshi Kenji Bolat Arman Nurlan
    Dominic Graham Gordon Nigel Malcolm Duncan Hugh Angus Ruth
    """
) - {"Ruth"}
FEMALE_NAMES = word_set(
    """
    Alice Alicia Amanda Amy Ana Andrea Angela Anna Anne Barbara Caroline Catherine
    Charlotte Christine Claire Elena Elizabeth Emily Emma Fatima Giorgia Hannah Helen
    Hillary Isabel Jane Janet Jennifer Jessica Jill Julia Julie Kamala Karen Kate
    Katherine Laura Lisa Lucy Margaret Maria Marie Mary Michelle Nancy Natalia Nicola
    Nina Olga Olivia Rachel Rebecca Sarah Sophie Susan Theresa Ursula Zoe Ayse Ayşe
    Elif Zeynep Leila Layla Amira Yasmin Priya Anjali Mei Yuko Sakura Ingrid Astrid
    Louise Louisa Sunita Miriam Mara Aurelie Aurélie Claire Elena
    Greta Sanna Jacinda Liz Ruth Marta Sofia Lucia Carmen Elisa Ewa Agnieszka Irina
    Svetlana Tatiana Oksana Ngozi Amina Chiara Francesca Beatrice Harriet Fiona Morag
    Eilidh Siobhan Aoife Niamh Grace Ella Chloe Megan Lauren Nadia Samira Dilnoza
    """
)
FIRST_NAMES = MALE_NAMES | FEMALE_NAMES

#: Pronouns that can stand for a speaker, by what they fit.
PERSON_PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female"}
