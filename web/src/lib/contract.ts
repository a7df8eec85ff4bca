import type { Point } from '@norishiro/data';

/**
 * Fields of the data contract (Resource.kind, Location.outside, optional points, the plan's
 * title) that the inventories carry as they adopt it. Read through here so the pages work
 * before and after; an entry without a kind counts as a place, as in matching.
 */
export type Kind = 'place' | 'programme' | 'service' | 'role' | 'meeting';
export interface Outside {
  municipality?: string;
  name: string;
}
interface ContractFields {
  kind?: Kind;
  outside?: Outside;
  location?: { outside?: Outside };
  _geo?: Point;
}
const contract = (x: object) => x as ContractFields;

export const kindOf = (x: object): Kind => contract(x).kind ?? 'place';
export const outsideOf = (x: object): Outside | undefined => contract(x).outside ?? contract(x).location?.outside;
/** The point a search hit is drawn at, if it has one. */
export const geoOf = (x: object): Point | undefined => contract(x)._geo;

export const kindJa: Record<Kind, string> = {
  place: '場所',
  programme: '事業・活動',
  service: '相談・支援',
  role: '役割（人）',
  meeting: '会議',
};

/** 「市外（中津川市）」 / 「市外」. */
export const outsideJa = (o: Outside) => (o.name && o.name !== '市外' ? `市外（${o.name}）` : '市外');
