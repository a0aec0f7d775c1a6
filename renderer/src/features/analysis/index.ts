/** Emotion badges, the experimental synthetic-voice indicator's alerts, meeting summaries (issue 7). */
import './analysis.css';

export { analysisApi } from './api';
export { AnalysisHostControls } from './components/AnalysisHostControls';
export { LineEmotionTag } from './components/LineEmotionTag';
export { MeetingSummaryCard } from './components/MeetingSummaryCard';
export { TileAnalysis } from './components/TileAnalysis';
export { ANALYSIS_NAMESPACE, analysisResources } from './i18n';
export { useSynthesisNotifications } from './synthesis-notifications';
