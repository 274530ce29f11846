/**
 * The Makhmour meeting of December 2021 (Al-Hal Net) and the five points the two sides worked to
 * agree on (Rudaw). Attendance by office, never by name; action items are owned by offices.
 */
import type { Party } from '../core/model/common.ts';

export const MAKHMOUR_MEETING = {
  title: 'High-level security meeting on coordination against ISIS, Makhmour',
  // The report gives no day: after the Khidirjija attack and before its publication in mid-December.
  startsAt: '2021-12-08T10:00:00+03:00',
  endsAt: '2021-12-08T14:00:00+03:00',
  place: 'makhmour',
  attendees: [
    { party: 'peshmerga', office: 'Chief of Staff, Ministry of Peshmerga Affairs' },
    { party: 'federal', office: 'Deputy Commander, Joint Operations Command' },
    { party: 'federal', office: 'Commander, Nineveh Operations Command' },
    { party: 'federal', office: 'Commander, West Nineveh Operations Command' },
  ] as { party: Party; office: string }[],
  summary:
    'Held in Makhmour after the ISIS attack on Khidirjija at the foot of Qarachogh mountain. Purpose (Joint Operations Command statement): security coordination in areas of joint security concern and mutual cooperation against ISIS. Source: Al-Hal Net. The day is approximate: the report says only that it followed the attack of early December 2021.',
};

export interface ActionItemSpec {
  title: string;
  owner: Party | 'joint';
  office: string;
  dueDate: string;
  status: 'open' | 'in-progress' | 'done' | 'cancelled';
}

export interface AgreementPointSpec {
  /** The point as worded in the Rudaw report (Arabic). */
  ar: string;
  en: string;
  status: 'proposed' | 'agreed-in-principle' | 'agreed' | 'in-progress' | 'implemented' | 'stalled';
  actions: ActionItemSpec[];
}

export const RUDAW_SOURCE = 'Rudaw (Arabic): the points the Ministry of Peshmerga Affairs and the Iraqi Ministry of Defence work to agree on.';

export const AGREEMENT_POINTS: readonly AgreementPointSpec[] = [
  {
    ar: 'التنسيق بين قوات البيشمركة والجيش العراقي في مناطق ديالى وكركوك ونينوى.',
    en: 'Coordination between the Peshmerga and the Iraqi army in Diyala, Kirkuk and Nineveh.',
    status: 'in-progress',
    actions: [
      { title: 'Activate the four joint coordination centres with staff from both forces', owner: 'joint', office: 'Directors of the four JCCs', dueDate: '2022-01-15', status: 'in-progress' },
      { title: 'Exchange liaison officers with the Joint Operations Command', owner: 'peshmerga', office: 'Ministry of Peshmerga Affairs, Directorate of Relations and Coordination', dueDate: '2021-12-31', status: 'done' },
    ],
  },
  {
    ar: 'ملء الفراغ الأمني القائم بين قوات الجانبين.',
    en: 'Filling the security vacuum between the two sides\' forces.',
    status: 'in-progress',
    actions: [
      { title: 'Map the strip between the forward lines sector by sector and rank its gaps', owner: 'joint', office: 'Joint operations room, analysis cell', dueDate: '2022-01-31', status: 'open' },
    ],
  },
  {
    ar: 'تشكيل غرفة عمليات مشتركة بين قوات البيشمركة والجيش العراقي في المناطق المتنازع عليها.',
    en: 'A joint operations room of the Peshmerga and the Iraqi army in the disputed territories.',
    status: 'agreed',
    actions: [
      { title: 'Set up the joint operations room with links to both headquarters', owner: 'federal', office: 'Joint Operations Command, communications directorate', dueDate: '2022-01-20', status: 'in-progress' },
      { title: 'Second Peshmerga officers to the joint operations room', owner: 'peshmerga', office: 'Peshmerga Chief of Staff office', dueDate: '2022-01-10', status: 'open' },
    ],
  },
  {
    ar: 'نصب نقاط سيطرة مشتركة بين قوات البيشمركة والجيش العراقي في مداخل محافظات كركوك وديالى ونينوى.',
    en: 'Joint checkpoints of the Peshmerga and the Iraqi army at the entrances of Kirkuk, Diyala and Nineveh governorates.',
    status: 'in-progress',
    actions: [
      { title: 'Agree common procedures for the joint checkpoints', owner: 'federal', office: 'Joint Operations Command, operations directorate', dueDate: '2021-12-20', status: 'done' },
      { title: 'Staff the twelve joint checkpoints on two shifts', owner: 'joint', office: 'JCC Kirkuk, Diyala and Nineveh checkpoint cells', dueDate: '2022-02-01', status: 'in-progress' },
    ],
  },
  {
    ar: 'تشكيل قوة مشتركة من البيشمركة والجيش العراقي في المناطق المتنازع عليها.',
    en: 'A joint force of the Peshmerga and the Iraqi army in the disputed territories.',
    status: 'agreed-in-principle',
    actions: [
      { title: 'Draft the joint force\'s establishment and command arrangements', owner: 'federal', office: 'Ministry of Defence, planning directorate', dueDate: '2022-03-01', status: 'open' },
      { title: 'Nominate the Peshmerga companies for the joint force', owner: 'peshmerga', office: 'Peshmerga Chief of Staff office', dueDate: '2022-02-15', status: 'open' },
    ],
  },
];
