import type { Section } from './types.js';

/**
 * The id a section goes by everywhere — `instr show` lists, `instr search` commands, the run's
 * menu: its own id when the author wrote one, else its class (`norms`, `schedule`), else a slug of its title.
 */
export function sectionId(section: Section): string {
  // The class names a reference section the way `instr show norms` does; a derived id comes last.
  if (section.id && section.explicitId) return section.id;
  if (section.kind && section.kind !== 'tasks' && section.kind !== 'situations' && section.kind !== 'intro') return section.kind;
  return section.id || slug(section.title);
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}
