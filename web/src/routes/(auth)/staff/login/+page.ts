import type { PageLoad } from './$types';

/** The sign-in page offers the city's own sign-in when OpenID Connect is configured. */
export const load: PageLoad = async ({ fetch, url }) => {
  const res = await fetch('/api/sign-in-options');
  const options = res.ok
    ? ((await res.json()) as { oidc: { providerId: string; label: string } | null })
    : { oidc: null };
  return { oidc: options.oidc, next: url.searchParams.get('next') };
};
