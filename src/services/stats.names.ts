import type { Language } from '../core/model/common.ts';
import type { AdminArea } from '../core/model/reference.ts';
import type { Store } from '../storage/ports.ts';
import { pickName } from './sitrep/i18n.ts';

const DISTRICT_LEVEL = 2;

/**
 * Names of reference data (gazetteer places, admin areas) in the reader's language, looked up once
 * per request. Reference data is public to every signed-in user, so no access check is needed here;
 * records (JCCs) are named by the callers from what the reader may see.
 */
export class ReferenceNames {
  private readonly areas = new Map<string, Promise<AdminArea | undefined>>();
  private readonly places = new Map<string, Promise<string | undefined>>();

  constructor(private readonly store: Store, readonly lang: Language) {}

  area(pcode: string): Promise<AdminArea | undefined> {
    let hit = this.areas.get(pcode);
    if (!hit) this.areas.set(pcode, (hit = this.store.getAdminArea(pcode)));
    return hit;
  }

  async areaName(pcode: string): Promise<string | undefined> {
    const a = await this.area(pcode);
    return a ? pickName(a.names, this.lang) : undefined;
  }

  /** The district (level 2) holding an area; a governorate-level code stays as it is. */
  async districtOf(pcode: string): Promise<string> {
    let code = pcode;
    for (let hops = 0; hops < 4; hops++) {
      const a = await this.area(code);
      if (!a || a.level <= DISTRICT_LEVEL || !a.parentPcode) return code;
      code = a.parentPcode;
    }
    return code;
  }

  placeName(id: string): Promise<string | undefined> {
    let hit = this.places.get(id);
    if (!hit) this.places.set(id, (hit = this.store.getPlace(id).then((p) => (p ? pickName(p.names, this.lang) : undefined))));
    return hit;
  }

  /** A tally key: `pcode:<code>` names the admin area, anything else the gazetteer place. */
  async keyName(key: string): Promise<string | undefined> {
    return key.startsWith('pcode:') ? this.areaName(key.slice(6)) : this.placeName(key);
  }
}
