/** TLP 2.0 labels and their standard colours (FIRST): coloured text on a black background. */
export const TLP_COLOURS: Record<string, string> = {
  red: '#FF2B2B',
  amber: '#FFC000',
  'amber+strict': '#FFC000',
  green: '#33FF00',
  clear: '#FFFFFF',
};

export const tlpLabel = (tlp: string): string => `TLP:${tlp.toUpperCase()}`;
export const tlpColour = (tlp: string): string => TLP_COLOURS[tlp] ?? '#FFFFFF';
