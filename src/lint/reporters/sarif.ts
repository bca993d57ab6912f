import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RuleMeta } from '../rule.js';
import { jsonText } from '../../render/json-text.js';

export interface SarifOptions {
  version: string;
  /** Metadata of the lint rules (compiler rules found in the diagnostics are added as they come). */
  rules: readonly RuleMeta[];
}

/** A SARIF 2.1.0 log (for code scanning); artifact URIs are the diagnostics' relative paths. */
export function sarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const descriptors: ReportingDescriptor[] = [];
  const indexOf = new Map<string, number>();
  const add = (d: ReportingDescriptor) => {
    indexOf.set(d.id, descriptors.length);
    descriptors.push(d);
  };
  for (const meta of options.rules) {
    add({
      id: meta.id,
      shortDescription: { text: meta.description },
      help: { text: `See ${meta.docs} in the instr documentation` },
      defaultConfiguration: { level: meta.defaultSeverity === 'error' ? 'error' : 'warning' },
    });
  }
  const results: Result[] = diagnostics.map((d) => {
    if (!indexOf.has(d.rule))
      add({
        id: d.rule,
        shortDescription: { text: `${d.source === 'lint' ? 'lint' : 'compiler'} check ${d.rule}` },
        help: { text: 'See docs/commands/lint.md#compiler-errors in the instr documentation' },
        defaultConfiguration: { level: 'error' },
      });
    const region: NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>['region'] = {
      startLine: Math.max(1, d.line),
      startColumn: Math.max(1, d.column),
    };
    if (d.endLine !== undefined) region.endLine = Math.max(d.endLine, d.line);
    if (d.endColumn !== undefined) region.endColumn = Math.max(1, d.endColumn);
    const result: Result = {
      ruleId: d.rule,
      ruleIndex: indexOf.get(d.rule)!,
      level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
      message: { text: d.message },
    };
    if (d.file) result.locations = [{ physicalLocation: { artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' }, region } }];
    return result;
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'instr', version: options.version, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The working directory instr lint ran in' } } },
        results,
      },
    ],
  };
  return jsonText(log);
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function toUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((s) => encodeURIComponent(s))
    .join('/');
}
