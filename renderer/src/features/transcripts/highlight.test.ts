import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

const marked = (text: string, query: string) =>
  highlightSegments(text, query)
    .map((segment) => (segment.isMatch ? `[${segment.text}]` : segment.text))
    .join('');

describe('highlightSegments', () => {
  it('marks every word of the search, ignoring case', () => {
    expect(marked('The budget and the Budget plan', 'budget')).toBe('The [budget] and the [Budget] plan');
    expect(marked('alpha beta gamma', 'gamma  alpha')).toBe('[alpha] beta [gamma]');
    expect(marked('预算已经准备好了', '预算')).toBe('[预算]已经准备好了');
  });

  it('prefers the longer word, and treats search text literally', () => {
    expect(marked('budgetary', 'bud budget')).toBe('[budget]ary');
    expect(marked('costs (approx.) 5$', '(approx.) 5$')).toBe('costs [(approx.)] [5$]');
  });

  it('leaves text alone for an empty search', () => {
    expect(highlightSegments('hello', '  ')).toEqual([{ text: 'hello', isMatch: false }]);
  });
});
