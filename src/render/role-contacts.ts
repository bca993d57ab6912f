import type { Role } from '../graph/types.js';

/** Contact kinds as people say them; a kind not listed is shown as the author wrote it. */
const labels: Record<string, Record<string, string>> = {
  ru: {
    phone: 'телефон',
    mobile: 'мобильный',
    email: 'почта',
    'e-mail': 'почта',
    mail: 'почта',
    telegram: 'Telegram',
    whatsapp: 'WhatsApp',
    chat: 'чат',
    office: 'кабинет',
    room: 'кабинет',
    address: 'адрес',
    skype: 'Skype',
  },
  en: { phone: 'phone', mobile: 'mobile', email: 'email', telegram: 'Telegram', whatsapp: 'WhatsApp', chat: 'chat' },
};

/** A contact kind (`phone`, `email`) in the screen's language. */
export function contactLabel(kind: string, lang: string | undefined): string {
  const table = labels[(lang ?? 'en').toLowerCase().startsWith('ru') ? 'ru' : 'en']!;
  return Object.hasOwn(table, kind.toLowerCase()) ? table[kind.toLowerCase()]! : kind;
}

/** «Главный бухгалтер — Марина Олеговна Петрова · телефон: +7 900 222-33-44 · Telegram: @petrova_chief». */
export function roleContactsLine(role: Role, lang?: string): string {
  const who = role.name ? `${role.title} — ${role.name}` : role.title;
  const contacts = Object.entries(role.contacts).map(([kind, value]) => `${contactLabel(kind, lang)}: ${value}`);
  return [who, ...contacts].join(' · ');
}
