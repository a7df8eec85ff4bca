import type { Role } from '@norishiro/data';

export interface StaffLink {
  href: string;
  label: string;
  roles: readonly Role[];
}

/** Every staff page, in menu order, with the roles that use it. */
export const STAFF_LINKS: StaffLink[] = [
  { href: '/staff/today', label: '今日の確認', roles: ['coordinator', 'staff'] },
  { href: '/staff/cases', label: 'ケース', roles: ['coordinator', 'staff'] },
  { href: '/staff/referrals', label: '紹介', roles: ['coordinator', 'staff', 'host'] },
  { href: '/staff/resources', label: '資源の編集', roles: ['staff', 'host'] },
  { href: '/staff/review', label: '確認待ち', roles: ['staff'] },
  { href: '/staff/conflicts', label: '競合', roles: ['staff'] },
  { href: '/staff/gaps', label: '不足の記録', roles: ['coordinator', 'staff'] },
  { href: '/staff/reports/kochiku', label: '構築会議の報告', roles: ['staff'] },
  { href: '/staff/accounts', label: 'アカウント', roles: ['staff', 'admin'] },
  { href: '/staff/audit', label: '操作記録', roles: ['staff'] },
  { href: '/staff/settings', label: '自治体の設定', roles: ['staff'] },
  { href: '/staff/account', label: '自分のアカウント', roles: ['coordinator', 'host', 'staff', 'admin'] },
];

// Pages are built by area; a menu entry appears once its page exists.
const pages = Object.keys(import.meta.glob('/src/routes/(staff)/staff/**/+page.svelte'));
const exists = (href: string) => pages.some((p) => p === `/src/routes/(staff)${href}/+page.svelte`);

export const linksFor = (role: Role) => STAFF_LINKS.filter((l) => l.roles.includes(role) && exists(l.href));
