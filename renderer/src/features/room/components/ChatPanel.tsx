import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MAX_LENGTH } from '@meetai/shared';
import { formatTime } from '../format';
import { useRoomClient, useRoomState, useRoomUi } from '../hooks';
import { Icon } from '../../../ui/Icon';

/** The meeting's chat: history delivered on join, new messages as they come, one input to send. */
export function ChatPanel() {
  const { t, i18n } = useTranslation('room');
  const controller = useRoomClient();
  const ui = useRoomUi();
  const messages = useRoomState((s) => s.chat);
  const selfUserId = useRoomState((s) => s.self?.userId ?? null);
  const isConnected = useRoomState((s) => s.connectionState === 'connected');
  const [draft, setDraft] = useState('');
  const [isSending, setIsSending] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const inputId = useId();

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || isSending) return;
    setIsSending(true);
    // The draft stays if sending fails, so nothing typed is lost.
    if (await controller.sendChat(text)) setDraft('');
    setIsSending(false);
  };

  return (
    <aside className="room-panel" aria-labelledby={`${inputId}-title`} data-testid="chat-panel">
      <header className="room-panel__header">
        <h2 id={`${inputId}-title`}>{t('chat.title')}</h2>
        <button
          type="button"
          className="button button--ghost button--icon"
          onClick={() => ui.togglePanel('chat')}
          aria-label={t('chat.close')}
        >
          <Icon name="close" size={18} />
        </button>
      </header>
      {messages.length === 0 ? <p className="room-panel__empty">{t('chat.empty')}</p> : null}
      <ol className="chat-list" ref={listRef} aria-label={t('chat.messages')} aria-live="polite">
        {messages.map((message) => {
          const isOwn = message.userId === selfUserId;
          return (
            <li
              key={message.id}
              className={`chat-message${isOwn ? ' chat-message--own' : ''}`}
              data-testid="chat-message"
            >
              <div className="chat-message__meta">
                <span className="chat-message__author">{isOwn ? t('chat.you') : message.displayName}</span>
                <time dateTime={message.sentAt}>{formatTime(message.sentAt, i18n.language)}</time>
              </div>
              <p className="chat-message__text">{message.text}</p>
            </li>
          );
        })}
      </ol>
      <form className="chat-form" onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('chat.inputLabel')}
        </label>
        <input
          id={inputId}
          className="input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder={t('chat.placeholder')}
          maxLength={CHAT_MAX_LENGTH}
          autoComplete="off"
          data-testid="chat-input"
        />
        <button
          type="submit"
          className="button button--primary button--icon"
          disabled={!draft.trim() || isSending || !isConnected}
          aria-label={t('chat.send')}
          data-testid="chat-send"
        >
          <Icon name="send" size={18} />
        </button>
      </form>
    </aside>
  );
}
