import { describe, expect, it } from 'vitest';
import type { BundleImportReport } from './bindings/BundleImportReport';
import type { ExportSubject } from './bindings/ExportSubject';
import { SUBJECT_FORMATS } from './generated/exports';
import {
  describeHit,
  detailChoices,
  fileName,
  formatChoices,
  importTotals,
  passphraseProblem,
  resolutionsOf,
  sectionLabel,
  stageProgress,
  unresolvedCount,
} from './export';

const report: BundleImportReport = {
  rollout_id: 'r1',
  rollout_name: 'EHR go-live',
  written: false,
  sections: [
    { section: 'tasks', added: 3, skipped: 10, updated: 1 },
    { section: 'metric_measurements', added: 2, skipped: 5, updated: 0 },
  ],
  conflicts: [
    { key: 'tasks/a', section: 'tasks', id: 'a', label: 'Cutover', fields: [], can_take_theirs: true, resolution: null },
    { key: 'tasks/b', section: 'tasks', id: 'b', label: 'Go-live', fields: [], can_take_theirs: true, resolution: null },
  ],
  warnings: [],
  readiness_change: null,
};

describe('export choices', () => {
  it('offers the three detail levels for rollout reports only, each with a line saying what it holds', () => {
    const rollout: ExportSubject = { kind: 'rollout', id: 'r1' };
    for (const format of ['pdf', 'html', 'markdown'] as const) {
      const levels = detailChoices(rollout, format);
      expect(levels.map((c) => c.detail), `${format} comes in three levels`).toEqual(['summary', 'standard', 'everything']);
      for (const level of levels) expect(level.hint.length, `${level.label} says what it holds`).toBeGreaterThan(10);
    }
    for (const format of ['xlsx', 'csv', 'ics', 'mspdi', 'bundle'] as const) {
      expect(detailChoices(rollout, format), `${format} has no levels`).toEqual([]);
    }
    expect(detailChoices({ kind: 'sop', id: 's1' }, 'pdf'), 'an SOP has no levels').toEqual([]);
  });

  it('offers each subject only the formats it can take', () => {
    const rollout = formatChoices({ kind: 'rollout', id: 'r1' }).map((c) => c.format);
    expect(rollout[0], 'the PDF report comes first').toBe('pdf');
    expect(rollout).toContain('bundle');
    expect(rollout, 'the plan goes out as Microsoft Project XML').toContain('mspdi');
    expect(rollout, 'the report goes out as a Word document too').toContain('docx');
    expect(formatChoices({ kind: 'sop', id: 's1' }).map((c) => c.format)).toEqual(['pdf', 'docx', 'html', 'markdown', 'svg', 'png']);
    expect(formatChoices({ kind: 'library', title: 'Riverside' }).map((c) => c.format)).toEqual(['pdf']);
  });

  it('offers exactly the formats the core exports each subject as, each with its words', () => {
    const subjects: ExportSubject[] = [
      { kind: 'rollout', id: 'r1' },
      { kind: 'sop', id: 's1' },
      { kind: 'library', title: 'Riverside' },
      { kind: 'escalations', role: null, rollout_id: null },
      { kind: 'programme', id: 'p1' },
    ];
    for (const subject of subjects) {
      const offered = formatChoices(subject).map((c) => c.format);
      expect([...offered].sort(), `the ${subject.kind} panel offers what the core takes, no more, no less`).toEqual(
        [...SUBJECT_FORMATS[subject.kind]].sort(),
      );
    }
  });

  it('moves the progress bar forward with each stage and never reaches the end before done', () => {
    const fractions = (['gathering', 'checking_phi', 'rendering', 'writing'] as const).map(
      (s) => stageProgress(s).fraction,
    );
    expect(fractions).toEqual([...fractions].sort());
    expect(Math.max(...fractions)).toBeLessThan(1);
    expect(stageProgress('checking_phi').label).toMatch(/patient data/);
  });

  it('says where a PHI hit is and what it looks like', () => {
    expect(
      describeHit({ entity: 'Task "Call back"', field: 'notes', excerpt: 'cell 555-201-7788', kind: 'phone_number' }),
    ).toBe('Task "Call back", notes: a phone number in “cell 555-201-7788”');
  });

  it('shortens paths to the file name on any system', () => {
    expect(fileName('/home/dana/Reports/EHR go-live.pdf')).toBe('EHR go-live.pdf');
    expect(fileName('C:\\Users\\dana\\ehr.rollplan')).toBe('ehr.rollplan');
  });
});

describe('bundle import', () => {
  it('counts the conflicts still waiting for a choice', () => {
    expect(unresolvedCount(report, {})).toBe(2);
    expect(unresolvedCount(report, { 'tasks/a': 'keep_mine' })).toBe(1);
    expect(resolutionsOf({ 'tasks/a': 'take_theirs' })).toEqual({ all: null, by_conflict: { 'tasks/a': 'take_theirs' } });
  });

  it('sums what an import adds, updates and leaves alone', () => {
    expect(importTotals(report)).toBe('5 added · 1 updated · 15 unchanged');
    expect(sectionLabel('metric_measurements')).toBe('Metric measurements');
    expect(sectionLabel('sops')).toBe('SOPs');
    expect(sectionLabel('sop_revisions')).toBe('SOP versions');
  });
});

describe('protected bundles', () => {
  it('asks for a long enough passphrase, typed twice the same', () => {
    expect(passphraseProblem('short', 'short')).toMatch(/at least 8/);
    expect(passphraseProblem('riverside-2027', 'riverside-2026')).toMatch(/differ/);
    expect(passphraseProblem('riverside-2027', 'riverside-2027')).toBeNull();
  });
});
