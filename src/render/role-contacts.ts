import type { Role } from '../graph/types.js';

/** «Главный бухгалтер — Марина Олеговна Петрова · phone: +7 900 222-33-44 · telegram: @petrova_chief». */
export function roleContactsLine(role: Role): string {
  const who = role.name ? `${role.title} — ${role.name}` : role.title;
  const contacts = Object.entries(role.contacts).map(([kind, value]) => `${kind}: ${value}`);
  return [who, ...contacts].join(' · ');
}
