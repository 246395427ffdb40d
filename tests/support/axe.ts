import type { AxeResults } from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

/** One block per violation: rule, what is wrong, and each offending element. */
export function formatViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) => `${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.html}`).join('\n')}`)
    .join('\n');
}
