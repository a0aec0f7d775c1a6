import { EMOTION_LABELS } from '@meetai/shared';
import { loadAnalysisSettings } from '../../server/src/ai/analysis/analysis-settings';
import { TextEmotionAnalyzer } from '../../server/src/ai/analysis/emotion/text-emotion';
import { CHINESE_EMOTION_SET, ENGLISH_EMOTION_SET } from '../../server/src/ai/analysis/emotion/testing/emotion-sets';
import { loadChineseLexicon } from '../../server/src/ai/analysis/emotion/zh-lexicon';
import { summarize } from '../../server/src/ai/analysis/summary/summarizer';
import { FeatureSynthesisDetector } from '../../server/src/ai/analysis/synthesis/feature-detector';
import { measureClips, rates, type MeasuredClip } from '../../server/src/ai/analysis/synthesis/fit-indicator';
import { INDICATOR_MODEL } from '../../server/src/ai/analysis/synthesis/indicator-model';
import { SpeakerSynthesisTracker } from '../../server/src/ai/analysis/synthesis/speaker-synthesis-tracker';
import { extractVoiceFeatures } from '../../server/src/ai/analysis/synthesis/voice-features';
import { librivoxClips, readWav, voiceClips } from '../../server/src/ai/testing/audio-fixtures';
import { loadAverage, median, printTable } from '../lib/report';
import { REPO_ROOT } from '../lib/server-process';

/**
 * `npm run bench -- analysis`: emotion, the experimental synthetic-voice
 * indicator and summaries (issue 7), in this process on the fixtures:
 * indicator rates on held-out voices (clean and through Opus) and per speaker,
 * emotion agreement with the labelled sets, the CPU the analysis adds per
 * active speaker, and the time to summarise a one-hour transcript. Figures
 * only, no pass/fail.
 */
export async function benchAnalysis(): Promise<void> {
  console.log(`\n== analysis (load average ${loadAverage()})`);
  await indicatorRates();
  emotionAgreement();
  cpuPerSpeaker();
  summaryTime();
}

async function indicatorRates(): Promise<void> {
  const clips = await measureClips(voiceClips());
  const rows = (['fit', 'held-out'] as const).flatMap((split) =>
    (['clean', 'opus'] as const).map((via) => {
      const set = clips.filter((clip) => clip.split === split && clip.path === via);
      const { truePositive: tp, falsePositive: fp } = rates(INDICATOR_MODEL, set);
      return {
        clips: `${split}, ${via === 'opus' ? 'through Opus' : 'as recorded'}`,
        'TTS flagged (TPR)': `${tp.hits}/${tp.total} = ${pct(tp.rate)}`,
        'human flagged (FPR)': `${fp.hits}/${fp.total} = ${pct(fp.rate)}`,
      };
    }),
  );
  printTable('synthetic-voice indicator per utterance (target: TPR ≥ 90%, FPR ≤ 5%)', rows);
  printTable('alerts per speaker, all their clips through Opus (≥ 3 of 5 flagged, mean ≥ 0.6)', speakerAlerts(clips));
}

function speakerAlerts(clips: MeasuredClip[]): Record<string, string>[] {
  const detector = new FeatureSynthesisDetector();
  const bySpeaker = new Map<string, MeasuredClip[]>();
  for (const clip of clips.filter((c) => c.path === 'opus')) {
    bySpeaker.set(clip.voice, [...(bySpeaker.get(clip.voice) ?? []), clip]);
  }
  const result = { human: { alerted: 0, total: 0 }, synthetic: { alerted: 0, total: 0 } };
  const afterWhich: number[] = [];
  for (const speakerClips of bySpeaker.values()) {
    const tracker = new SpeakerSynthesisTracker();
    const raisedAt = speakerClips.findIndex((clip) => tracker.add(detector.score(clip.features)).change === 'raised');
    const kind = speakerClips[0]!.kind;
    result[kind].total++;
    if (raisedAt >= 0) {
      result[kind].alerted++;
      if (kind === 'synthetic') afterWhich.push(raisedAt + 1);
    }
  }
  return [
    { speakers: 'human (target: 0 alerted)', alerted: `${result.human.alerted}/${result.human.total}` },
    {
      speakers: 'TTS voices',
      alerted: `${result.synthetic.alerted}/${result.synthetic.total}`,
      'median utterances to the alert': String(afterWhich.length ? median(afterWhich) : '-'),
    },
  ];
}

function emotionAgreement(): void {
  const settings = loadAnalysisSettings(process.env, REPO_ROOT);
  const lexicon = loadChineseLexicon(settings.zhLexicon);
  const rows = [
    {
      name: 'English (VADER + keyword map)',
      analyzer: new TextEmotionAnalyzer(lexicon),
      set: ENGLISH_EMOTION_SET,
      lang: 'en' as const,
    },
    {
      name: 'Chinese (DUTIR/HowNet + keyword map)',
      analyzer: new TextEmotionAnalyzer(lexicon),
      set: CHINESE_EMOTION_SET,
      lang: 'zh' as const,
    },
    {
      name: 'Chinese, keyword map only',
      analyzer: new TextEmotionAnalyzer(null),
      set: CHINESE_EMOTION_SET,
      lang: 'zh' as const,
    },
  ].map(({ name, analyzer, set, lang }) => {
    const hits = set.filter((item) => analyzer.analyse(item.text, lang).emotion === item.expected).length;
    const perLabel = EMOTION_LABELS.map((label) => {
      const ofLabel = set.filter((item) => item.expected === label);
      const right = ofLabel.filter((item) => analyzer.analyse(item.text, lang).emotion === label).length;
      return `${label} ${right}/${ofLabel.length}`;
    }).join(', ');
    return { set: name, agreement: `${hits}/${set.length} = ${pct(hits / set.length)}`, 'per label': perLabel };
  });
  printTable('emotion from words vs the labelled sets (target ≥ 80%; written in this project, in-sample)', rows);
}

/** Voice features + text emotion per utterance, as the server runs them after each final. */
function cpuPerSpeaker(): void {
  const analyzer = new TextEmotionAnalyzer(null);
  const detector = new FeatureSynthesisDetector();
  const clips = librivoxClips().map((clip) => ({ text: clip.text, audio: readWav(clip.path16k).samples }));
  let audioSeconds = 0;
  const started = process.cpuUsage();
  for (let round = 0; round < 4; round++) {
    for (const clip of clips) {
      analyzer.analyse(clip.text, 'en');
      const features = extractVoiceFeatures(clip.audio);
      if (features) detector.score(features);
      audioSeconds += clip.audio.length / 16_000;
    }
  }
  const used = process.cpuUsage(started);
  const cpuSeconds = (used.user + used.system) / 1e6;
  printTable('CPU the analysis adds per active speaker (voice features + emotion per final utterance)', [
    {
      speech: `${audioSeconds.toFixed(1)} s`,
      CPU: `${(cpuSeconds * 1000).toFixed(0)} ms`,
      'per second of speech': `${((cpuSeconds / audioSeconds) * 1000).toFixed(1)} ms`,
      'share of one core while speaking': pct(cpuSeconds / audioSeconds),
    },
  ]);
}

/** A one-hour meeting: ~9,000 words in ~700 lines, made from varied sentence templates (seeded). */
function hourLongTranscript(language: 'en' | 'zh'): Array<{ text: string; speaker: string }> {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const en = {
    who: ['Ada', 'Bo', 'Cy', 'Dana', 'Eli', 'Fay'],
    topic: [
      'the release',
      'the budget',
      'the payment screen',
      'support tickets',
      'the database migration',
      'hiring',
      'the customer survey',
      'the roadmap',
    ],
    templates: [
      (w: string, t: string) => `I think ${t} needs more time before we can say anything final.`,
      (w: string, t: string) => `The numbers for ${t} look better than last month, mostly because of the new process.`,
      (w: string, t: string) => `${w} will send an update on ${t} by Friday.`,
      (w: string, t: string) => `We decided to keep ${t} on the current plan.`,
      (w: string, t: string) => `Can you check whether ${t} affects the other teams?`,
      (w: string, t: string) => `There is a risk that ${t} slips into next quarter if nothing changes.`,
      (w: string, t: string) => `Let us come back to ${t} after the demo, there is a lot to cover.`,
    ],
  };
  const zh = {
    who: ['王芳', '李雷', '张伟', '刘洋', '陈静', '赵敏'],
    topic: ['新版本', '预算', '支付页面', '客服工单', '数据库迁移', '招聘', '客户调查', '路线图'],
    templates: [
      (w: string, t: string) => `我觉得${t}还需要一些时间才能下结论。`,
      (w: string, t: string) => `${t}的数据比上个月好，主要是因为新的流程。`,
      (w: string, t: string) => `${w}周五之前把${t}的进展发给大家。`,
      (w: string, t: string) => `我们决定${t}按现在的计划进行。`,
      (w: string, t: string) => `请${w}看一下${t}会不会影响其他团队。`,
      (w: string, t: string) => `如果没有变化，${t}可能会拖到下个季度。`,
      (w: string, t: string) => `演示之后我们再回来讨论${t}，要讲的内容很多。`,
    ],
  };
  const words = language === 'en' ? en : zh;
  return Array.from({ length: 700 }, () => {
    const speaker = pick(words.who);
    return {
      speaker,
      text: `${pick(words.templates)(pick(words.who), pick(words.topic))} ${pick(words.templates)(pick(words.who), pick(words.topic))}`,
    };
  });
}

function summaryTime(): void {
  const rows = (['en', 'zh'] as const).map((language) => {
    const lines = hourLongTranscript(language);
    const times: number[] = [];
    let result = summarize(lines, { language });
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      result = summarize(lines, { language });
      times.push(performance.now() - started);
    }
    return {
      transcript: `${language}, 1 h (${lines.length} lines, ${result.sentences.length} picked)`,
      'median time': `${median(times).toFixed(0)} ms`,
      'action items found': result.action_items.length,
    };
  });
  printTable('summary of a one-hour transcript (TextRank + patterns)', rows);
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
