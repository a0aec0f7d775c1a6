import { analysisHandlers } from './analysis';
import { captionHandlers } from './captions';
import { chatHandlers } from './chat';
import { hostHandlers } from './host';
import { mediaHandlers } from './media';
import { sessionHandlers } from './session';
import type { HandlerTable } from './types';

/** Every signaling method and the one function that serves it; the type makes a missing method a compile error. */
export const handlers: HandlerTable = {
  ...sessionHandlers,
  ...mediaHandlers,
  ...chatHandlers,
  ...hostHandlers,
  ...captionHandlers,
  ...analysisHandlers,
};
