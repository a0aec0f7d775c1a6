import type { EmotionLabel } from '@meetai/shared';

/**
 * The documented keyword maps for discrete emotions: words (and a few short
 * phrases) that name or plainly express one of the five emotions, in English
 * and Chinese. A lexicon gives valence (VADER for English, HowNet/DUTIR for
 * Chinese); these maps say which emotion. Kept short and general on purpose:
 * everyday vocabulary, not phrases fitted to a test set. Weights: 1 names the
 * emotion ("angry"), 0.6 expresses it indirectly ("ridiculous").
 */
export type KeywordMap = Record<Exclude<EmotionLabel, 'neutral'>, Record<string, number>>;

const strong = (words: string[]) => Object.fromEntries(words.map((word) => [word, 1]));
const mild = (words: string[]) => Object.fromEntries(words.map((word) => [word, 0.6]));

/** Lower-case English words, matched on word boundaries; a phrase is matched as written. */
export const ENGLISH_KEYWORDS: KeywordMap = {
  joy: {
    ...strong(['happy', 'glad', 'delighted', 'thrilled', 'excited', 'love', 'joy', 'pleased', 'proud', 'celebrate']),
    ...strong(['congratulations', 'congrats', 'yay', 'hooray', 'enjoy', 'enjoyed', 'grateful', 'thankful']),
    ...mild(['great', 'wonderful', 'fantastic', 'excellent', 'awesome', 'brilliant', 'perfect', 'lovely', 'nice']),
    ...mild(['thank', 'thanks', 'well done', 'good job', 'success', 'successful']),
  },
  anger: {
    ...strong(['angry', 'furious', 'annoyed', 'irritated', 'outraged', 'livid', 'mad', 'hate', 'frustrated']),
    ...strong(['fed up', 'sick of', 'infuriating', 'annoying', 'frustrating', 'pissed']),
    ...mild(['unacceptable', 'ridiculous', 'outrageous', 'absurd', 'stupid', 'rude', 'damn', 'nonsense', 'blame']),
  },
  sadness: {
    ...strong(['sad', 'unhappy', 'disappointed', 'depressed', 'miserable', 'heartbroken', 'upset', 'grief']),
    ...strong(['lonely', 'sadly', 'unfortunately', 'regret', 'miss', 'cry', 'crying', 'tears', 'down']),
    ...mild(['sorry', 'pity', 'shame', 'disappointing', 'lost', 'loss', 'failed', 'failure', 'terrible', 'gloomy']),
  },
  fear: {
    ...strong(['afraid', 'scared', 'fear', 'worried', 'worry', 'anxious', 'nervous', 'terrified', 'frightened']),
    ...strong(['panic', 'dread', 'uneasy', 'concerned', 'what if']),
    ...mild(['risk', 'risky', 'danger', 'dangerous', 'threat', 'alarming', 'concern', 'might crash', 'unsafe']),
  },
  surprise: {
    ...strong(['surprised', 'surprise', 'surprising', 'astonished', 'amazed', 'shocked', 'stunned', 'wow', 'whoa']),
    ...strong(['unbelievable', 'cannot believe', "can't believe", 'no idea', 'unexpected', 'unexpectedly']),
    ...mild(['really?', 'incredible', 'amazing', 'suddenly', 'did not expect', "didn't expect", 'no way']),
  },
};

/** Words that turn the keyword after them (within three words) around: "not happy" is no joy. */
export const ENGLISH_NEGATORS = new Set([
  'not',
  'no',
  'never',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  'hardly',
  'nobody',
  'without',
]);

/** Chinese keywords, matched as substrings of the text (segmentation splits some of them). */
export const CHINESE_KEYWORDS: KeywordMap = {
  joy: {
    ...strong(['开心', '高兴', '快乐', '喜欢', '满意', '激动', '兴奋', '欣慰', '恭喜', '太好了', '幸福', '愉快']),
    ...mild(['谢谢', '感谢', '棒', '成功', '不错', '漂亮', '顺利', '辛苦了']),
  },
  anger: {
    ...strong(['生气', '愤怒', '气死', '恼火', '火大', '讨厌', '受不了', '烦死', '可恶', '恨']),
    ...mild(['离谱', '不能接受', '无法接受', '烦', '过分', '荒唐', '岂有此理']),
  },
  sadness: {
    ...strong(['难过', '伤心', '失望', '遗憾', '沮丧', '悲伤', '郁闷', '低落', '痛苦', '想念']),
    ...mild(['可惜', '对不起', '抱歉', '失败', '不幸']),
  },
  fear: {
    ...strong(['担心', '害怕', '紧张', '焦虑', '不安', '恐怕', '恐惧', '怕']),
    ...mild(['风险', '危险', '万一', '崩溃']),
  },
  surprise: {
    ...strong(['惊讶', '吃惊', '震惊', '没想到', '难以置信', '意外', '居然', '竟然', '天哪', '哇']),
    ...mild(['真的吗', '不敢相信', '突然']),
  },
};

/**
 * Chinese negators: a keyword right after one (within two characters) is turned around. Not 非 or 无: as
 * characters they sit inside ordinary words (非常 "very", 无论 "whatever") far more often than they negate.
 */
export const CHINESE_NEGATORS = ['不', '没', '没有', '别', '未', '不是'];
