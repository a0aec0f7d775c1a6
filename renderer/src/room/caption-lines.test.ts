import { describe, expect, it } from 'vitest';
import { upsertCaption, type CaptionLine } from './caption-lines';
import { captionFixture } from './testing/caption-fixtures';

const at = (second: number) => Date.parse('2030-03-02T09:01:00.000Z') + second * 1000;

describe('upsertCaption', () => {
  it('puts a new utterance in spoken order, even when its first line arrives after a later one', () => {
    let lines: CaptionLine[] = [];
    lines = upsertCaption(lines, captionFixture('late', { startMs: at(5), isFinal: false }), 1);
    lines = upsertCaption(lines, captionFixture('early', { startMs: at(1) }), 2);
    lines = upsertCaption(lines, captionFixture('last', { startMs: at(9) }), 3);
    expect(lines.map((line) => line.id)).toEqual(['early', 'late', 'last']);
  });

  it('drops an utterance whose final has no words, and ignores such a final for an unknown one', () => {
    let lines = upsertCaption([], captionFixture('u1', { isFinal: false, text: 'uh' }), 1);
    lines = upsertCaption(lines, captionFixture('u1', { isFinal: true, text: '  ' }), 2);
    expect(lines).toEqual([]);
    expect(upsertCaption(lines, captionFixture('u2', { isFinal: true, text: '' }), 3)).toEqual([]);
  });
});
