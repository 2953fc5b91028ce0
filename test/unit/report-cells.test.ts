import { describe, expect, it } from 'vitest';
import { csvCell, displayCell } from '../../shared/reports/report-cells.ts';
import type { ReportColumn } from '../../shared/reports/report-document.ts';
import { previewReport } from '../../shared/reports/report-preview.ts';
import { describeReportScope, reportRequest } from '../../shared/reports/report-request.ts';

const money: ReportColumn = { key: 'amount', label: 'Amount', kind: 'money' };
const name: ReportColumn = { key: 'client', label: 'Client', kind: 'text' };
const days: ReportColumn = { key: 'days', label: 'Days', kind: 'days' };

describe('report cells', () => {
  it('writes money as a plain decimal of its currency, negative amounts included', () => {
    expect(csvCell(money, { amount: -1500, currency: 'USD' })).toBe('-15.00');
    expect(csvCell(money, { amount: 123_456, currency: 'EUR' })).toBe('1234.56');
    expect(csvCell(money, { amount: 1500, currency: 'JPY' })).toBe('1500');
    expect(csvCell({ ...money, currency: 'GBP' }, { amount: 5 })).toBe('0.05');
  });

  it('keeps a decimal string as written', () => {
    const value: ReportColumn = { key: 'value', label: 'Value', kind: 'decimal' };
    expect(csvCell(value, { value: '-761.90' })).toBe('-761.90');
    expect(csvCell(value, { value: 47.65 })).toBe('47.65');
    expect(displayCell(value, { value: '761.90' })).toBe('761.9');
    // Text that is not a plain decimal is not a number, in either writer.
    expect(() => csvCell(value, { value: '=1+1' })).toThrow('expected a number');
    expect(() => displayCell(value, { value: '1e3' })).toThrow('expected a number');
  });

  it('shows money in its currency format for people', () => {
    expect(displayCell(money, { amount: -1500, currency: 'USD' })).toBe('-$15.00');
    expect(displayCell(money, { amount: 123_456, currency: 'EUR' })).toBe('€1,234.56');
    expect(displayCell(days, { days: 1234 })).toBe('1,234');
  });

  it('keeps formula-like text as text and leaves other text alone', () => {
    expect(csvCell(name, { client: '=HYPERLINK("http://example.invalid","x")' })).toBe(
      '\'=HYPERLINK("http://example.invalid","x")',
    );
    expect(csvCell(name, { client: '@SUM(1+1)' })).toBe("'@SUM(1+1)");
    expect(csvCell(name, { client: '+44 20' })).toBe("'+44 20");
    expect(csvCell(name, { client: '-1+1' })).toBe("'-1+1");
    expect(csvCell(name, { client: '\tTab' })).toBe("'\tTab");
    expect(csvCell(name, { client: '\rReturn' })).toBe("'\rReturn");
    expect(csvCell(name, { client: 'Client -Minus Ltd' })).toBe('Client -Minus Ltd');
  });

  it('writes null empty, rejects money without currency', () => {
    expect(csvCell(money, { amount: null })).toBe('');
    expect(() => csvCell(money, { amount: 100 })).toThrow(/"amount" has no currency/);
    expect(() => csvCell(money, { amount: '1', currency: 'USD' })).toThrow(/expected a number/);
  });
});

describe('report requests', () => {
  it('requires the dates of each report kind', () => {
    const problem = (input: unknown) => {
      const parsed = reportRequest.safeParse(input);
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(problem({ report: 'aging-summary', asOf: '2026-03-01' })).toBeNull();
    expect(problem({ report: 'aging-summary' })).toMatch(/needs an as-of date/);
    expect(problem({ report: 'metrics', from: '2026-01-01' })).toMatch(/give a from and a to/);
    expect(problem({ report: 'metrics', from: '2026-02-01', to: '2026-01-01' })).toMatch(
      /starts \(2026-02-01\) after it ends \(2026-01-01\)/,
    );
    expect(problem({ report: 'statement', from: '2026-01-01', to: '2026-01-31' })).toMatch(
      /about one client/,
    );
    expect(problem({ report: 'aging-summary', asOf: '2026-02-30' })).toMatch(/calendar date/);
    expect(
      problem({ report: 'aging-summary', asOf: '2026-03-01', filters: { tier: 'x' } }),
    ).not.toBeNull();
    expect(problem({ report: 'aging-summary', asOf: '2026-03-01', extra: 1 })).not.toBeNull();
  });

  it('describes the dates and filters under the title', () => {
    const request = reportRequest.parse({
      report: 'aging-detail',
      asOf: '2026-03-01',
      filters: { tier: 'high', currency: 'EUR' },
    });
    expect(describeReportScope(request)).toBe('As of 2026-03-01 · high risk, EUR only');
  });
});

describe('report preview', () => {
  it('formats the first rows and counts the rest', () => {
    function* rows() {
      for (let index = 1; index <= 5; index += 1) yield { amount: index * 100, currency: 'USD' };
    }
    const preview = previewReport(
      {
        header: {
          company: 'Acme',
          companyContact: '',
          title: 'T',
          scope: 'As of 2026-03-01',
          generatedOn: '2026-03-02',
        },
        blocks: [{ kind: 'table', title: 'Rows', columns: [money], rows: rows() }],
        csv: { kind: 'table', title: 'Rows', columns: [money], rows: [] },
        fileStem: 't',
      },
      2,
    );
    const table = preview.blocks[0]!;
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.rows).toEqual([['$1.00'], ['$2.00']]);
    expect(table.moreRows).toBe(true);
    expect(table.columns).toEqual([{ label: 'Amount', numeric: true }]);
  });
});
