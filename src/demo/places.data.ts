/**
 * Key places of the scenario, in the three working languages, with APPROXIMATE coordinates
 * (rounded to 0.01°, about 1 km) written for the demo. Without the reference geodata they are the
 * scenario's whole gazetteer; with it, each is looked up in the imported gazetteer (by `lookup`,
 * near these coordinates) and the gazetteer's position wins.
 */

export interface KeyPlace {
  key: string;
  en: string;
  ar: string;
  ckb: string;
  lon: number;
  lat: number;
  /** District P-code (OCHA COD-AB 2019), used to group places by JCC without the boundaries. */
  adm2: string;
  /** Name to search the imported gazetteer for, when its spelling differs from `en`. */
  lookup?: string;
  kind?: 'town' | 'village' | 'mountain';
}

const p = (key: string, en: string, ar: string, ckb: string, lon: number, lat: number, adm2: string, extra: Partial<KeyPlace> = {}): KeyPlace =>
  ({ key, en, ar, ckb, lon, lat, adm2, kind: 'town', ...extra });

export const KEY_PLACES: readonly KeyPlace[] = [
  // Nineveh: Sinjar axis and Nineveh plain
  p('sinjar', 'Sinjar', 'سنجار', 'شەنگال', 41.86, 36.32, 'IQG15Q07'),
  p('sinuni', 'Sinuni', 'سنوني', 'سنونی', 41.71, 36.47, 'IQG15Q07'),
  p('rabia', 'Rabia', 'ربيعة', 'ڕەبیعە', 42.10, 36.80, 'IQG15Q08', { lookup: "Rabi'ah" }),
  p('zummar', 'Zummar', 'زمار', 'زوممار', 42.63, 36.77, 'IQG15Q08'),
  p('tal-afar', 'Tal Afar', 'تلعفر', 'تەلەعفەر', 42.45, 36.38, 'IQG15Q08', { lookup: "Tall 'Afar" }),
  p('fayda', 'Fayda', 'فايدة', 'فایدە', 42.93, 36.76, 'IQG09Q03', { lookup: 'Faydah' }),
  p('alqosh', 'Alqosh', 'القوش', 'ئەلقوش', 43.10, 36.73, 'IQG15Q09', { lookup: 'Al Qush' }),
  p('tel-asqof', 'Tel Asqof', 'تللسقف', 'تەلسقف', 43.11, 36.60, 'IQG15Q09', { lookup: 'Tall Asqaf' }),
  p('tel-kaif', 'Tel Kaif', 'تلكيف', 'تلکێف', 43.12, 36.49, 'IQG15Q09', { lookup: 'Talkif' }),
  p('bashiqa', 'Bashiqa', 'بعشيقة', 'بەعشیقە', 43.35, 36.45, 'IQG15Q05', { lookup: "Ba'shiqah" }),
  p('qaraqosh', 'Qaraqosh (Bakhdida)', 'قره قوش', 'قەرەقوش', 43.38, 36.27, 'IQG15Q03', { lookup: 'Hamdaniyah' }),
  p('hasan-sham', 'Hasan Sham', 'حسن شام', 'حەسەن شام', 43.53, 36.32, 'IQG15Q03', { lookup: 'Hasan Shami', kind: 'village' }),
  p('kalak', 'Kalak', 'كلك', 'کەلەک', 43.68, 36.28, 'IQG15Q03', { lookup: 'كلك' }),
  p('mosul', 'Mosul', 'الموصل', 'مووسڵ', 43.13, 36.34, 'IQG15Q05'),
  p('qayyarah', 'Qayyarah', 'القيارة', 'قەییارە', 43.29, 35.80, 'IQG15Q05', { lookup: 'القيارة' }),
  // Makhmour
  p('gwer', 'Gwer', 'كوير', 'گوێر', 43.49, 36.04, 'IQG11Q04'),
  p('makhmour', 'Makhmour', 'مخمور', 'مەخموور', 43.58, 35.78, 'IQG11Q04', { lookup: 'Makhmur' }),
  p('khidirjija', 'Khidirjija', 'خضر جيجة', 'خدرجیجە', 43.68, 35.76, 'IQG11Q04', { lookup: 'Xizr', kind: 'village' }),
  p('qarachogh', 'Qarachogh mountain', 'جبل قرةجوغ', 'چیای قەرەچووغ', 43.72, 35.78, 'IQG11Q04', { lookup: 'Qarachogh', kind: 'mountain' }),
  p('dibaga', 'Dibaga', 'الديبكة', 'دیبەگە', 43.81, 35.88, 'IQG11Q04', { lookup: 'Dibakah' }),
  p('sarkaran', 'Sarkaran', 'سركران', 'سەرکەران', 43.90, 35.71, 'IQG13Q03', { kind: 'village' }),
  // Kirkuk
  p('altun-kupri', 'Altun Kupri (Pirde)', 'آلتون كوبري', 'پردێ', 44.14, 35.75, 'IQG13Q03', { lookup: 'Altun Kubri' }),
  p('dibis', 'Dibis', 'دبس', 'دبس', 44.07, 35.67, 'IQG13Q03'),
  p('qara-salem', 'Qara Salem', 'قره سالم', 'قەرەسالم', 44.30, 35.79, 'IQG13Q03', { lookup: 'Qarah Salam', kind: 'village' }),
  p('kirkuk', 'Kirkuk', 'كركوك', 'کەرکووک', 44.39, 35.47, 'IQG13Q04'),
  p('qara-hanjir', 'Qara Hanjir', 'قره هنجير', 'قەرەهەنجیر', 44.63, 35.49, 'IQG13Q04', { lookup: 'Qarah Hanjir', kind: 'village' }),
  p('laylan', 'Laylan', 'ليلان', 'لەیلان', 44.52, 35.31, 'IQG13Q04'),
  p('taza', 'Taza Khurmatu', 'تازة خورماتو', 'تازە خورماتوو', 44.33, 35.30, 'IQG13Q04', { lookup: 'Tazah Khurmatu' }),
  p('hawija', 'Hawija', 'الحويجة', 'حەویجە', 43.77, 35.33, 'IQG13Q01', { lookup: 'Al Hawijah' }),
  p('daquq', 'Daquq', 'داقوق', 'داقووق', 44.45, 35.14, 'IQG13Q02'),
  p('tuz', 'Tuz Khurmatu', 'طوز خورماتو', 'دووزخورماتوو', 44.63, 34.89, 'IQG16Q07'),
  p('chamchamal', 'Chamchamal', 'جمجمال', 'چەمچەماڵ', 44.83, 35.53, 'IQG06Q02'),
  p('qadir-karam', 'Qadir Karam', 'قادر كرم', 'قادرکەرەم', 44.89, 35.20, 'IQG06Q02', { kind: 'village' }),
  // Diyala
  p('kifri', 'Kifri', 'كفري', 'کفری', 44.96, 34.69, 'IQG10Q06'),
  p('qara-tapa', 'Qara Tapa', 'قره تبه', 'قەرەتەپە', 44.93, 34.43, 'IQG10Q06', { lookup: 'Qarah Tabah' }),
  p('kalar', 'Kalar', 'كلار', 'کەلار', 45.32, 34.63, 'IQG06Q06', { lookup: 'Kelar' }),
  p('jalawla', 'Jalawla', 'جلولاء', 'جەلەولا', 45.17, 34.27, 'IQG10Q05', { lookup: 'Jalawlah' }),
  p('saadiya', 'Saadiya', 'السعدية', 'سەعدیە', 45.12, 34.19, 'IQG10Q05', { lookup: "As Sa'diyah" }),
  p('khanaqin', 'Khanaqin', 'خانقين', 'خانەقین', 45.39, 34.35, 'IQG10Q05'),
  p('muqdadiya', 'Muqdadiya', 'المقدادية', 'مقدادیە', 44.92, 33.97, 'IQG10Q02', { lookup: 'Miqdadiyah' }),
  p('mandali', 'Mandali', 'مندلي', 'مەندەلی', 45.55, 33.75, 'IQG10Q03'),
];

export function keyPlace(key: string): KeyPlace {
  const place = KEY_PLACES.find((k) => k.key === key);
  if (!place) throw new Error(`demo data: no key place ${key}`);
  return place;
}
