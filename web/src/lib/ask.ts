import type { Municipality, Resource } from '@norishiro/data';
import { citySites } from './city-sites.ts';

/** One way to ask about a resource, most specific first. */
export interface WayToAsk {
  /** Who to ask, in the page's words. */
  who: string;
  /** Why this one: whose contact it is. */
  note: string;
  tel?: string;
  url?: { href: string; label: string };
}

/** Digits and + only, for a tel: link (「0766-74-8000」 → tel:0766748000). */
export const telHref = (phone: string) => `tel:${phone.normalize('NFKC').replace(/[^\d+]/g, '')}`;

/**
 * Always at least one way to ask: contacts staff entered for the resource, then the
 * department the plan names, else the city's 福祉 window, with the city's own website
 * labelled as the city's general contact, never as the place's.
 */
export function waysToAsk(r: Resource, m: Municipality): WayToAsk[] {
  const out: WayToAsk[] = [];
  if (r.contact?.phone || r.contact?.url)
    out.push({
      who: r.name,
      note: 'この場所・事業の 連絡先です（市の担当者が 確かめて 登録しました）。',
      tel: r.contact.phone,
      url: r.contact.url ? { href: r.contact.url, label: 'この場所の ホームページ' } : undefined,
    });
  const site = citySites[m.code];
  out.push({
    who: r.department ? `${m.name} ${r.department}` : `${m.name}役所の 福祉の窓口`,
    note: r.department
      ? '計画に 書かれている 担当課です。'
      : '計画に 担当課が 書かれていないため、市役所の 福祉の窓口を ご案内します。',
    url: site
      ? {
          href: site,
          label: `${m.name}の ホームページ（市の 総合的な 窓口です。この場所の ホームページでは ありません）`,
        }
      : undefined,
  });
  return out;
}

/** A route planner from the device's location to a known street address. */
export const directionsHref = (address: string) =>
  `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(address)}`;
