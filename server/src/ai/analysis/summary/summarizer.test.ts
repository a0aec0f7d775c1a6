import { describe, expect, it } from 'vitest';
import { summarize, type SummaryLine } from './summarizer';

/** A written planning meeting: which lines are decisions or actions is marked here, by a reader. */
const ENGLISH_MEETING: Array<SummaryLine & { item?: 'decision' | 'action' }> = [
  { speaker: 'Ada', text: 'Good morning everyone, thanks for joining.' },
  { speaker: 'Ada', text: 'Today we need to talk about the mobile release and the support backlog.' },
  { speaker: 'Bo', text: 'The mobile release is mostly ready, but the payment screen still crashes on older phones.' },
  { speaker: 'Cy', text: 'The crash happens when the payment screen loads the card list.' },
  { speaker: 'Ada', text: 'How many customers are on older phones?' },
  { speaker: 'Bo', text: 'About eight percent of our customers, according to last month.' },
  {
    speaker: 'Ada',
    text: 'After looking at the numbers, we decided to delay the mobile release by one week.',
    item: 'decision',
  },
  { speaker: 'Cy', text: 'I will fix the payment screen crash by Thursday.', item: 'action' },
  { speaker: 'Bo', text: 'The support backlog grew to three hundred tickets this month.' },
  { speaker: 'Ada', text: 'Most support tickets are about the payment screen as well.' },
  { speaker: 'Ada', text: 'Dana, can you write a short note to customers about the delay?', item: 'action' },
  { speaker: 'Dana', text: 'Sure, no problem.' },
  { speaker: 'Bo', text: 'We agreed that support will answer payment tickets first.', item: 'decision' },
  { speaker: 'Ada', text: 'Bo will send the updated release plan to the team before Monday.', item: 'action' },
  { speaker: 'Cy', text: 'The weather has been nice this week.' },
  { speaker: 'Ada', text: 'Thanks everyone, see you next week.' },
];

const CHINESE_MEETING: Array<SummaryLine & { item?: 'decision' | 'action' }> = [
  { speaker: '王芳', text: '大家早上好，今天主要讨论新版本发布和客服积压的问题。' },
  { speaker: '李雷', text: '新版本基本准备好了，但是支付页面在旧手机上还会崩溃。' },
  { speaker: '张伟', text: '崩溃是在支付页面加载银行卡列表的时候发生的。' },
  { speaker: '王芳', text: '用旧手机的客户大概有多少？' },
  { speaker: '李雷', text: '根据上个月的数据，大约百分之八的客户。' },
  { speaker: '王芳', text: '看了数据以后，我们决定新版本推迟一周发布。', item: 'decision' },
  { speaker: '张伟', text: '支付页面的崩溃由我负责修复，周四之前完成。', item: 'action' },
  { speaker: '李雷', text: '这个月客服积压的工单涨到了三百个。' },
  { speaker: '王芳', text: '大部分客服工单也都和支付页面有关。' },
  { speaker: '王芳', text: '请小刘给客户写一份关于推迟发布的说明。', item: 'action' },
  { speaker: '李雷', text: '大家一致同意客服先处理支付相关的工单。', item: 'decision' },
  { speaker: '王芳', text: '李雷下周一之前把更新后的发布计划发给团队。', item: 'action' },
  { speaker: '张伟', text: '这周天气一直不错。' },
  { speaker: '王芳', text: '谢谢大家，下次再聊。' },
];

describe.each([
  ['English', ENGLISH_MEETING, 'en'],
  ['Chinese', CHINESE_MEETING, 'zh'],
] as const)('summary of a written %s meeting', (_, meeting, language) => {
  const result = summarize(meeting, { maxSentences: 4 });

  it('reads the language', () => {
    expect(result.language).toBe(language);
  });

  it('finds exactly the decisions and action items a reader marked, each linked to its line', () => {
    const found = result.action_items.map((item, i) => ({ line: result.itemLines[i], kind: item.kind }));
    const expected = meeting.flatMap((line, index) => (line.item ? [{ line: index, kind: line.item }] : []));
    expect(found).toEqual(expected);
  });

  it('picks central sentences in spoken order, and not the small talk', () => {
    expect(result.sentences).toHaveLength(4);
    expect(result.sentenceLines).toEqual([...result.sentenceLines].sort((a, b) => a - b));
    const smallTalk = meeting.findIndex((line) => /weather|天气/.test(line.text));
    expect(result.sentenceLines).not.toContain(smallTalk);
    // The meeting is about the payment screen and the release: the summary says so.
    expect(result.summary).toMatch(language === 'zh' ? /支付页面/ : /payment screen/);
  });
});

describe('action item details', () => {
  it('names who and by when', () => {
    const english = summarize(ENGLISH_MEETING).action_items;
    expect(english.find((item) => item.text.startsWith('I will fix'))).toMatchObject({
      who: 'Cy',
      when: 'by Thursday',
    });
    expect(english.find((item) => item.text.startsWith('Dana'))).toMatchObject({ who: 'Dana' });
    expect(english.find((item) => item.text.startsWith('Bo will'))).toMatchObject({ who: 'Bo', when: 'before Monday' });
    const chinese = summarize(CHINESE_MEETING).action_items;
    expect(chinese.find((item) => item.text.startsWith('李雷下周一'))).toMatchObject({
      who: '李雷',
      when: '下周一之前',
    });
    expect(chinese.find((item) => item.text.startsWith('请小刘'))).toMatchObject({ who: '小刘' });
  });

  it('lists a request said twice once, where it was first said', () => {
    const items = summarize([
      { text: 'Please send me the slides before noon.' },
      { text: 'The slides are almost done.' },
      { text: 'Please send me the slides before noon!' },
    ]);
    expect(items.action_items).toHaveLength(1);
    expect(items.itemLines).toEqual([0]);
  });

  it('returns nothing for empty input', () => {
    expect(summarize([]).sentences).toEqual([]);
  });
});
