/** One all-day event for the visit, in the iCalendar format every calendar app reads. */
export function visitIcs(r: { id: string; resourceName: string; visitDate: string }, origin: string): string {
  const day = r.visitDate.replaceAll('-', '');
  const next = new Date(`${r.visitDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const escape = (s: string) => s.replace(/[\\;,]/g, (m) => `\\${m}`).replace(/\n/g, '\\n');
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Norishiro//Referral//JA',
    'BEGIN:VEVENT',
    `UID:${r.id}@norishiro`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${day}`,
    `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replaceAll('-', '')}`,
    `SUMMARY:${escape(`見学・体験: ${r.resourceName}`)}`,
    `URL:${origin}/staff/referrals/${r.id}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
