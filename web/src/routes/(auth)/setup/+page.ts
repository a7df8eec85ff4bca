import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const token = url.searchParams.get('token') ?? '';
  const res = await fetch(`/api/setup?token=${encodeURIComponent(token)}`);
  const { valid } = res.ok ? ((await res.json()) as { valid: boolean }) : { valid: false };
  return { token, valid };
};
