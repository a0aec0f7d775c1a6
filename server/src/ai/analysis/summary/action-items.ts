import type { ActionItemKind } from '@meetai/shared';
import type { SummaryLanguage } from './sentences';

/**
 * Decisions and action items by pattern: a decision is a sentence saying the
 * group decided, agreed or settled something; an action is someone taking on
 * a task ("Bo will send…", "Can you update…", "小王负责测试"). Who: the named
 * person or pronoun before the verb (or the person asked); when: a deadline
 * phrase if there is one. Patterns, not understanding: they are listed here so
 * what they catch and miss can be read.
 */
export type FoundItem = { kind: ActionItemKind; who: string | null; what: string; when: string | null };

const EN_DECISION =
  /\b(?:we(?:'ve| have)? (?:decided|agreed|settled|chose|chosen)|(?:it's|it is|that's|that is) (?:decided|agreed|settled)|the decision is|(?:we'll|we will|let's|let us) go with|final decision|we are going with)\b/i;
const EN_ACTION_SUBJECT =
  /\b(I|we|you|he|she|they|[A-Z][a-z]+)(?: will|'ll| is going to| are going to| am going to|'m going to| needs? to| has to| have to| should| can take| takes?)\s+(?!be\b|not\b|never\b|probably\b|see\b|think\b|know\b|have\b)([a-z][^,.;!?]*)/;
const EN_REQUEST =
  /\b(?:([A-Z][a-z]+),\s*)?(?:can you|could you|would you|please)\s+([a-z][^,.;!?]*)|\baction item(?: for ([A-Z][a-z]+))?:?\s*([^.;!?]*)|\bassign(?:ed)? to ([A-Z][a-z]+)/i;
const EN_WHEN =
  /\b(?:(?:by|before|until|on|due)\s+(?:next\s+|this\s+|the end of (?:the )?)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|week|month|day|noon|\d{1,2}(?::\d{2})?\s*(?:am|pm)?|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2})|next (?:week|month|monday|tuesday|wednesday|thursday|friday)|tomorrow|tonight|this (?:week|afternoon|evening|month)|end of (?:the )?(?:day|week|month|quarter))\b/i;

const ZH_DECISION = /(决定|确定了|定下来|拍板|一致同意|达成一致|就这么定|通过了|敲定)/;
const ZH_ACTION = /(负责|来做|去做|来处理|跟进|落实|提交|发给|交给|安排好)/;
const ZH_REQUEST = /(?:请|麻烦)([^，。！？；]{1,6}?)(?=[给把去来做完发准跟负整提写更修测联])/;
const ZH_WHO =
  /(?:由|让|^|[，、\s])(我们|我|你们|你|他们|他|她|[\p{Script=Han}]{2,3}?)(?=(?:下周[一二三四五六日天]?|明天|今天|本周[一二三四五六日天]?|周[一二三四五六日天])?(?:之前|以前)?(?:负责|来做|去做|来处理|跟进|把|会|将))/u;
const ZH_WHEN =
  /(下周[一二三四五六日天]?|下个?月|本周[一二三四五六日天]?|这周[一二三四五六日天]?|周[一二三四五六日天]之前|周[一二三四五六日天]|明天|后天|今天|今晚|月底|年底|\d{1,2}月\d{1,2}[日号]|\d{1,2}号)(?:之前|以前|前)?/;

/** Capitalised words that start sentences but name no one. */
const NOT_NAMES = new Set(
  'The This That These Those It There Here What Which Who When Where Why How Our Your Their My His Her Its Everyone Everybody Nobody Someone Somebody One Each Every All Some Any Nothing Something Anything Today Tomorrow Then So And But Also Maybe Perhaps Next'.split(
    ' ',
  ),
);

export function findItem(sentence: string, language: SummaryLanguage, speaker?: string): FoundItem | null {
  return language === 'zh' ? chinese(sentence, speaker) : english(sentence, speaker);
}

function english(sentence: string, speaker?: string): FoundItem | null {
  const when = sentence.match(EN_WHEN)?.[0] ?? null;
  if (EN_DECISION.test(sentence)) return { kind: 'decision', who: null, what: clean(sentence), when };
  const request = sentence.match(EN_REQUEST);
  if (request) {
    const who = request[1] ?? request[3] ?? request[5] ?? null;
    return { kind: 'action', who, what: clean(request[2] ?? request[4] ?? sentence), when };
  }
  const subject = sentence.match(EN_ACTION_SUBJECT);
  if (!subject) return null;
  const [, who, what] = subject as unknown as [string, string, string];
  const isName = /^[A-Z][a-z]+$/.test(who) && !NOT_NAMES.has(who);
  const isSelf = /^(I|we)$/i.test(who);
  // "They will see" or "you should know" is talk; a named person, a first-person promise or a deadline makes a task.
  if (!isName && !isSelf && !when) return null;
  // "We need to talk about…" is discussion; a first-person task is a promise ("I will", "we're going to").
  if (isSelf && !/(\bwill\b|'ll\b|going to)/.test(subject[0])) return null;
  return { kind: 'action', who: who.toLowerCase() === 'i' ? (speaker ?? 'I') : who, what: clean(what), when };
}

function chinese(sentence: string, speaker?: string): FoundItem | null {
  const when = sentence.match(ZH_WHEN)?.[0] ?? null;
  if (ZH_DECISION.test(sentence)) return { kind: 'decision', who: null, what: clean(sentence), when };
  const request = sentence.match(ZH_REQUEST);
  if (request) return { kind: 'action', who: request[1]!.trim() || null, what: clean(sentence), when };
  if (ZH_ACTION.test(sentence)) {
    let who = sentence.match(ZH_WHO)?.[1] ?? null;
    if (who === '我') who = speaker ?? '我';
    return { kind: 'action', who, what: clean(sentence), when };
  }
  return null;
}

const clean = (text: string) => text.trim().replace(/[\s,，.。;；!！?？]+$/u, '');
