import { describe, expect, it } from 'vitest';
import type { Role } from '../graph/types.js';
import { mentionsIn } from './role-mentions.js';

const roles: Record<string, Role> = {
  director: { title: 'Директор', contacts: { phone: '+7 900 111-22-33' } },
  'chief-accountant': { title: 'Главный бухгалтер', contacts: { phone: '+7 900 222-33-44' } },
  'it-support': { title: 'ИТ-подрядчик, ООО «Сетевой мастер»', contacts: {} },
  boss: { title: 'Director', contacts: {} },
};

const found = (text: string) => mentionsIn(text, roles).map((m) => [m.role, text.slice(m.offset, m.offset + m.length)]);

describe('role mentions', () => {
  it('finds a role in any word form, by its title up to a comma', () => {
    expect(found('Написать главному бухгалтеру и директору.')).toEqual([
      ['chief-accountant', 'главному бухгалтеру'],
      ['director', 'директору'],
    ]);
    expect(found('Написать ИТ-подрядчику в Telegram.')).toEqual([['it-support', 'ИТ-подрядчику']]);
    expect(found('Call the director.')).toEqual([['boss', 'director']]);
    expect(found('Написать главному бухгалтеру: клиент, задача, срок.')).toEqual([['chief-accountant', 'главному бухгалтеру']]);
  });
  it("leaves out quoted words and someone else's role", () => {
    expect(found('Сказать клиенту: «Я передам директору».')).toEqual([]);
    expect(found('Позвонить директору клиента и поздравить.')).toEqual([]);
    expect(found('Позвонить директору компании клиента.')).toEqual([]);
    expect(found("Call the client's director.")).toEqual([]);
    expect(found('Call the director of the client.')).toEqual([]);
  });
  it('needs every word of a title, in order', () => {
    expect(found('Написать бухгалтеру.')).toEqual([]);
  });
});
