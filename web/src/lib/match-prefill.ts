import * as v from 'valibot';
import { MemberProfileSchema, MunicipalityCodeSchema, type MemberProfile } from '@norishiro/data';

/**
 * A case member's profile handed from the case page to the matching desk. It rides in this
 * tab's sessionStorage for one navigation only: the desk removes it as it reads it, so a
 * profile is never left behind in the browser, and it never goes into the URL.
 */
const KEY = 'norishiro.match.prefill';
const PrefillSchema = v.object({ municipality: MunicipalityCodeSchema, profile: MemberProfileSchema });
export type Prefill = { municipality: string; profile: MemberProfile };

export function handOver(prefill: Prefill): void {
  sessionStorage.setItem(KEY, JSON.stringify(prefill));
}

export function takeOver(): Prefill | undefined {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!raw) return undefined;
  try {
    const parsed = v.safeParse(PrefillSchema, JSON.parse(raw));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}
