/**
 * Incidents from coded sources: the intake development set (../shared/intake-dev, human-coded
 * facts) and the reports behind the scenario (../shared/seeds). Facts are as coded; where a
 * source gives no number, none is invented, and what the demo had to add is said in the text.
 */
import type { Party } from '../core/model/common.ts';
import type { AcledType } from '../core/model/incident.ts';
import type { SectorCode } from './front.data.ts';

type Counts = Partial<Record<'civilian' | 'peshmerga' | 'federal' | 'other', number>>;
type Side = 'perpetrator' | 'target' | 'responder' | 'other';

export interface RealIncidentSpec {
  key: string;
  title: string;
  description: string;
  occurredAt: string;
  occurredUntil?: string;
  timePrecision: 'minute' | 'hour' | 'day';
  /** Key place (places.data.ts); `position` overrides it when the source names no place. */
  place: string;
  position?: [number, number];
  locationPrecision: 'exact' | 'near' | 'district' | 'province';
  killed: Counts;
  wounded: Counts;
  actors: [string, Side][];
  acled: [AcledType, string];
  sources: { name: string; url?: string }[];
  verification: 'draft' | 'reported' | 'confirmed' | 'disputed';
  loggedBy: Party;
  /** Released to the JCC of this sector only, instead of bilaterally. */
  jccOnly?: SectorCode;
  /** Reports (REPORTS below) this incident is based on. */
  reports: string[];
}

const KAN = { name: 'kan-news.com', url: 'http://kan-news.com/kan/?p=7633' };
const ALHAL = { name: 'Al-Hal Net (aggregate report on the December 2021 attacks)' };
const FORTNIGHT_NOTE =
  'RECONSTRUCTED for the demo: Al-Hal Net reports four ISIS attacks in the disputed territories from the end of November to the first week of December 2021, with at least 35 civilians and Peshmerga killed and wounded, and names only Khidirjija. This record stands for one of the unnamed attacks; its place, time and toll are illustrative, chosen so that the four attacks add up to the reported total.';

export const REAL_INCIDENTS: readonly RealIncidentSpec[] = [
  {
    key: 'khidirjija-a',
    title: 'ISIS attack on Khidirjija village at the foot of Qarachogh mountain (sub-event a: villagers)',
    description: 'Coded from kan-news.com (intake-dev case03). The text dates it "yesterday, Thursday evening": 2 December 2021 by cross-reference. Three villagers are "ضحايا" (victims), which other outlets report as killed. Al-Hal Net dates the attack 3 December and gives 18 civilians and Peshmerga killed and wounded in all.',
    occurredAt: '2021-12-02T19:00:00+03:00',
    timePrecision: 'day',
    place: 'khidirjija',
    locationPrecision: 'exact',
    killed: { civilian: 3 },
    wounded: {},
    actors: [['Islamic State', 'perpetrator'], ['Civilians (villagers)', 'target']],
    acled: ['Violence against civilians', 'Attack'],
    sources: [KAN],
    verification: 'confirmed',
    loggedBy: 'peshmerga',
    reports: ['kan-khidirjija'],
  },
  {
    key: 'khidirjija-b',
    title: 'IED on the Peshmerga force responding to the Khidirjija attack (sub-event b)',
    description: 'Coded from kan-news.com (intake-dev case03): the same evening an explosive device hit the Peshmerga who came to the village; seven Peshmerga are "ضحايا" (coded as killed). Total stated in the lead: ten (3 + 7).',
    occurredAt: '2021-12-02T19:30:00+03:00',
    timePrecision: 'day',
    place: 'khidirjija',
    locationPrecision: 'near',
    killed: { peshmerga: 7 },
    wounded: {},
    actors: [['Islamic State', 'perpetrator'], ['Peshmerga', 'responder']],
    acled: ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    sources: [KAN],
    verification: 'confirmed',
    loggedBy: 'peshmerga',
    reports: ['kan-khidirjija', 'field-makhmour'],
  },
  {
    key: 'qara-salem',
    title: 'ISIS attack on the Peshmerga 126th Brigade position at Qara Salem',
    description: 'Coded from Akhbar El Yom (intake-dev case01), night of 5/6 December 2021 (coded to 5 December). Killed and wounded are reported but not quantified ("ضحايا بين شهيد وجريح"): the counts here are 0 until a source gives numbers. Peshmerga returned fire and pursued the attackers. Matching قره سالم to the gazetteer\'s Qarah Salam is a judgement.',
    occurredAt: '2021-12-05T22:00:00+03:00',
    occurredUntil: '2021-12-06T04:00:00+03:00',
    timePrecision: 'day',
    place: 'qara-salem',
    locationPrecision: 'near',
    killed: {},
    wounded: {},
    actors: [['Islamic State', 'perpetrator'], ['Peshmerga (126th Brigade)', 'target']],
    acled: ['Battles', 'Armed clash'],
    sources: [{ name: 'Akhbar El Yom (akhbarelyom.com)', url: 'https://akhbarelyom.com/news/newdetails/3595838/1/قتلى-وجرحى-بهجوم-جديد-لـ-داعش-على-البيشم' }],
    verification: 'reported',
    loggedBy: 'peshmerga',
    reports: ['akhbar-qara-salem'],
  },
  {
    key: 'fortnight-kifri',
    title: 'ISIS attack on Peshmerga positions near Kifri (one of the four attacks, reconstructed)',
    description: FORTNIGHT_NOTE,
    occurredAt: '2021-11-28T21:00:00+03:00',
    timePrecision: 'day',
    place: 'kifri',
    locationPrecision: 'near',
    killed: { peshmerga: 2 },
    wounded: { peshmerga: 6, civilian: 3 },
    actors: [['Islamic State', 'perpetrator'], ['Peshmerga', 'target'], ['Civilians', 'other']],
    acled: ['Battles', 'Armed clash'],
    sources: [ALHAL],
    verification: 'reported',
    loggedBy: 'peshmerga',
    reports: ['alhal-four-attacks'],
  },
  {
    key: 'fortnight-laylan',
    title: 'ISIS attack on a village near Laylan (one of the four attacks, reconstructed)',
    description: FORTNIGHT_NOTE,
    occurredAt: '2021-12-04T20:00:00+03:00',
    timePrecision: 'day',
    place: 'laylan',
    locationPrecision: 'near',
    killed: { civilian: 4 },
    wounded: { civilian: 7, peshmerga: 3 },
    actors: [['Islamic State', 'perpetrator'], ['Civilians (villagers)', 'target'], ['Peshmerga', 'responder']],
    acled: ['Violence against civilians', 'Attack'],
    sources: [ALHAL],
    verification: 'reported',
    loggedBy: 'federal',
    jccOnly: 'KRK',
    reports: ['alhal-four-attacks'],
  },
  {
    key: 'kifri-may',
    title: 'ISIS attack on Peshmerga in Kifri district',
    description: 'Coded from hathalyoum.net, crediting a PUKmedia translation (intake-dev case06): 22:30 on the night of 11 May 2021, one Peshmerga killed and another wounded. The Ministry\'s statement names the security vacuum between the Peshmerga and the Iraqi army. Before the demo\'s 180-day window; kept at its real date.',
    occurredAt: '2021-05-11T22:30:00+03:00',
    timePrecision: 'minute',
    place: 'kifri',
    locationPrecision: 'district',
    killed: { peshmerga: 1 },
    wounded: { peshmerga: 1 },
    actors: [['Islamic State', 'perpetrator'], ['Peshmerga', 'target']],
    acled: ['Battles', 'Armed clash'],
    sources: [{ name: 'hathalyoum.net (PUKmedia translation)', url: 'https://hathalyoum.net/amp/2691232' }],
    verification: 'confirmed',
    loggedBy: 'peshmerga',
    reports: ['hathalyoum-kifri'],
  },
  {
    key: 'nineveh-desert',
    title: 'ISIS attack on PMF positions deep in the Nineveh desert near the Syrian border',
    description: 'Coded from Sky Press (intake-dev case09), Sunday evening 18 September 2022: 3 PMF killed and 7 wounded, a preliminary toll. No place is named (ACLED geo-precision 3): the point is a representative one in Nineveh\'s western desert. PMF casualties are counted as federal. After the demo\'s window; kept at its real date.',
    occurredAt: '2022-09-18T19:00:00+03:00',
    timePrecision: 'day',
    place: 'sinjar',
    position: [41.6, 35.95],
    locationPrecision: 'province',
    killed: { federal: 3 },
    wounded: { federal: 7 },
    actors: [['Islamic State', 'perpetrator'], ['Popular Mobilization Forces', 'target']],
    acled: ['Battles', 'Armed clash'],
    sources: [{ name: 'Sky Press (skypressiq.net)', url: 'https://skypressiq.net/2022/9/18/قتلى-وجرحى-من-افراد-الحشد-الشعبي-إثر-هجوم-داعش-على-قطاعاتهم' }],
    verification: 'reported',
    loggedBy: 'federal',
    reports: [],
  },
  {
    key: 'muqdadiya',
    title: 'Two suicide bombings at a husseiniya and a café in al-Shakha al-Jadida, east of Muqdadiya',
    description: 'Coded from afadak.com (intake-dev case14): 15 killed and 25 wounded in both blasts together; no perpetrator named. DATE NOT CODED: the text says only "yesterday, Monday evening", so the date here is a placeholder and the record stays a draft until someone verifies it. al-Shakha al-Jadida is not in the gazetteer: placed at Muqdadiya.',
    occurredAt: '2021-11-15T19:00:00+03:00',
    timePrecision: 'day',
    place: 'muqdadiya',
    locationPrecision: 'near',
    killed: { civilian: 15 },
    wounded: { civilian: 25 },
    actors: [['Unknown (no group named)', 'perpetrator'], ['Civilians', 'target']],
    acled: ['Explosions/Remote violence', 'Suicide bomb'],
    sources: [{ name: 'afadak.com', url: 'http://afadak.com/news/11858' }],
    verification: 'draft',
    loggedBy: 'federal',
    reports: [],
  },
];

export interface ReportSpec {
  key: string;
  kind: 'field' | 'news' | 'intel-summary' | 'phone';
  title: string;
  body: string;
  language: 'ar' | 'en';
  receivedAt: string;
  sourceName: string;
  url?: string;
  place?: string;
  by: Party;
  release: 'bilateral' | 'own';
}

export const REPORTS: readonly ReportSpec[] = [
  { key: 'kan-khidirjija', kind: 'news', language: 'ar', title: 'هجوم لداعش على قرية خضر جيجة في سفح جبل قرجوغ', body: 'ملخص: هجوم مساء الخميس على قرية كردية بين محافظتي أربيل ونينوى أوقع ثلاثة ضحايا من المواطنين، ثم انفجرت عبوة ناسفة على قوة البيشمركة التي هرعت إلى القرية فأوقعت سبعة ضحايا.', receivedAt: '2021-12-03T09:00:00+03:00', sourceName: 'kan-news.com', url: KAN.url, place: 'khidirjija', by: 'peshmerga', release: 'bilateral' },
  { key: 'field-makhmour', kind: 'field', language: 'en', title: 'Field report, Makhmour axis: IED on the quick-reaction force at Khidirjija', body: 'Quick-reaction force sent to Khidirjija after the attack on the village; an explosive device detonated on the approach. Casualties evacuated; area sealed until first light; request federal ISR over the Qarachogh foothills.', receivedAt: '2021-12-02T21:40:00+03:00', sourceName: 'Peshmerga Makhmour axis command', place: 'khidirjija', by: 'peshmerga', release: 'own' },
  { key: 'akhbar-qara-salem', kind: 'news', language: 'ar', title: 'قتلى وجرحى بهجوم جديد لداعش على البيشمركة', body: 'ملخص: هجوم ليلة 5/6 ديسمبر 2021 على موقع اللواء 126 لقوات البيشمركة في قرية قره سالم، وقوات البيشمركة ردت على النار وطاردت المهاجمين؛ الخسائر غير محددة بالأرقام.', receivedAt: '2021-12-06T10:00:00+03:00', sourceName: 'Akhbar El Yom', place: 'qara-salem', by: 'peshmerga', release: 'bilateral' },
  { key: 'alhal-four-attacks', kind: 'news', language: 'ar', title: 'تنسيق أمني بين البيشمركة وبغداد لمواجهة داعش: أبرز النتائج', body: 'ملخص: اجتماع أمني رفيع المستوى في مخمور بعد هجوم خضر جيجة؛ نفذ داعش 4 هجمات منذ نهاية تشرين الثاني حتى الأسبوع الأول من كانون الأول أوقعت ما لا يقل عن 35 قتيلا وجريحا من المدنيين والبيشمركة.', receivedAt: '2021-12-12T12:00:00+03:00', sourceName: 'Al-Hal Net', by: 'federal', release: 'bilateral' },
  { key: 'rudaw-jccs', kind: 'news', language: 'ar', title: 'تشكيل أربعة مراكز تنسيق بين البيشمركة والجيش العراقي', body: 'ملخص: الاتفاق مبدئيا على تفعيل أربعة مراكز تنسيق مشتركة، وخمس نقاط يعمل الجانبان للاتفاق عليها؛ منطقة خالية من أي تواجد عسكري بعمق 10 كيلومترات في بعض المناطق؛ عملية مشتركة في مطلع تموز لتمشيط أكثر من 17 ألف كيلومتر مربع.', receivedAt: '2021-12-10T10:00:00+03:00', sourceName: 'Rudaw', by: 'peshmerga', release: 'bilateral' },
  { key: 'hathalyoum-kifri', kind: 'news', language: 'ar', title: 'استشهاد أحد أفراد البيشمركة وإصابة آخر في قضاء كفري', body: 'ملخص: هجوم الساعة 10:30 من ليلة 11 أيار 2021 في قضاء كفري؛ بيان الوزارة يشير إلى الفراغ الأمني بين البيشمركة والجيش العراقي.', receivedAt: '2021-05-12T09:00:00+03:00', sourceName: 'hathalyoum.net (PUKmedia)', url: 'https://hathalyoum.net/amp/2691232', place: 'kifri', by: 'peshmerga', release: 'bilateral' },
];
