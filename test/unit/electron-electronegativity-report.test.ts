import { describe, expect, it } from 'vitest';
import {
  formatFinding,
  isBlocking,
  parseFindings,
} from '../../scripts/electronegativity-report.ts';

const header = 'issue, severity, confidence, filename, location, sample, description, url';
const row = (id: string, severity: string, file = '"main/window.ts"') =>
  `${id},"${severity}","FIRM",${file},"12:4","preload: x","A ""quoted"", multi, part text",` +
  `https://github.com/doyensec/electronegativity/wiki/${id}`;

describe('parseFindings', () => {
  it('reads rows after the header', () => {
    const findings = parseFindings([header, row('PRELOAD_JS_CHECK', 'MEDIUM'), ''].join('\n'));
    expect(findings).toEqual([
      {
        id: 'PRELOAD_JS_CHECK',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        file: 'main/window.ts',
        location: '12:4',
        sample: 'preload: x',
        description: 'A "quoted", multi, part text',
      },
    ]);
  });

  it('drops a header that follows the rows', () => {
    const csv = [row('A', 'LOW'), header, row('B', 'HIGH')].join('\r\n');
    expect(parseFindings(csv).map((finding) => finding.id)).toEqual(['A', 'B']);
  });

  it('reads an empty report', () => {
    expect(parseFindings(`${header}\n`)).toEqual([]);
    expect(parseFindings('')).toEqual([]);
  });

  it('reads N/A cells as text', () => {
    const [finding] = parseFindings(row('LIMIT_NAVIGATION_GLOBAL_CHECK', 'HIGH', 'N/A'));
    expect(finding?.file).toBe('N/A');
    expect(formatFinding(finding!)).toContain(' global ');
  });
});

describe('isBlocking', () => {
  it.each([
    ['HIGH', true],
    ['high', true],
    ['MEDIUM', false],
    ['LOW', false],
    ['INFORMATIONAL', false],
  ])('treats %s as blocking: %s', (severity, expected) => {
    const [finding] = parseFindings(row('X', severity));
    expect(isBlocking(finding!)).toBe(expected);
  });
});
