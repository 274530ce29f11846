import { TLPS, type Tlp } from '../../core/model/common.ts';

/** TLPS lists the labels from least to most restrictive. */
const rank = (t: string): number => TLPS.indexOf(t as Tlp);

/** The most restrictive of the labels seen; CLEAR when nothing was seen. */
export class TlpMax {
  private current: Tlp = 'clear';

  see(tlp: string): void {
    if (rank(tlp) > rank(this.current)) this.current = tlp as Tlp;
  }

  get value(): Tlp {
    return this.current;
  }
}

/** TLP 2.0 colours (FIRST): the label is written in its colour on black. */
export const TLP_COLOURS: Record<Tlp, string> = {
  'clear': '#ffffff',
  'green': '#33ff00',
  'amber': '#ffc000',
  'amber+strict': '#ffc000',
  'red': '#ff2b2b',
};

export const tlpLabel = (t: Tlp): string => `TLP:${t.toUpperCase()}`;
