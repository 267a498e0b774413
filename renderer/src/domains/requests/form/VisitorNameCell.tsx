import { AutoComplete, Input, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RefCallBack } from 'react-hook-form';
import { maskPhone, type VisitorSuggestion } from '../../../../../shared/frontdesk';
import { call } from '../../../api/client';

/** How long typing pauses before the directory is asked. */
export const SUGGEST_DEBOUNCE_MS = 200;

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  inputRef: RefCallBack;
  status: 'error' | undefined;
  label: string;
  /** The grid's keys (Enter: the next row), kept as they are while no suggestion is chosen. */
  onKeyDown: (e: KeyboardEvent) => void;
  /** A known visitor was picked: the row (and the organisation, if empty) takes his details. */
  onPick: (s: VisitorSuggestion) => void;
}

/**
 * The visitor's name cell: as the name is typed, the people the visitor directory remembers
 * (frontdesk.suggestVisitors: by name, pinyin initials, phone or organisation) are offered under
 * it, the most recent first. ↓/↑ and Enter pick one; Enter without moving into the list goes to
 * the next row as in the rest of the grid; Esc closes the list. The phone shows masked in the
 * list (the form gets it in full once picked).
 */
export function VisitorNameCell({
  id,
  value,
  onChange,
  onBlur,
  inputRef,
  status,
  label,
  onKeyDown,
  onPick,
}: Props) {
  const [query, setQuery] = useState('');
  // What the directory answered, and for which query: a cleared query shows nothing.
  const [answer, setAnswer] = useState<{ query: string; found: VisitorSuggestion[] }>({
    query: '',
    found: [],
  });
  const found = query.trim() !== '' && answer.query === query.trim() ? answer.found : [];
  const [open, setOpen] = useState(false);
  // Whether ↓/↑ went into the open list: then Enter is the list's, not the grid's.
  const inList = useRef(false);
  // The name just picked (see onSearch).
  const picked = useRef<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return;
    let live = true;
    const timer = setTimeout(() => {
      void call('frontdesk.suggestVisitors', { query: q }).then((r) => {
        if (!live) return;
        // A failed lookup only means no suggestions: typing goes on as before.
        setAnswer({ query: q, found: r.ok ? r.value : [] });
        inList.current = false;
      });
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const shown = open && found.length > 0;
  // The option ↓/↑ moved to, for aria-activedescendant: antd names option −1 while none is (an
  // id that does not exist, which axe rightly flags), so the cell says it itself.
  const [active, setActive] = useState<string | null>(null);
  const listId = `${id}-suggest_list`;
  const activeIndex = shown && active !== null ? found.findIndex((s) => s.name === active) : -1;
  const keyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (shown) inList.current = true;
      return;
    }
    if (e.key === 'Escape') {
      inList.current = false;
      return;
    }
    if (e.key === 'Enter' && shown && inList.current) return;
    onKeyDown(e);
  };

  return (
    <AutoComplete
      id={`${id}-suggest`}
      onActive={(v: string | null) => setActive(v)}
      value={value}
      onChange={(v: string) => onChange(v)}
      onSearch={(q) => {
        // The list says the picked name back as a search (sometimes after an empty one): no
        // new list for it. Typing anything else searches again.
        if (picked.current !== null && (q === picked.current || q === '')) return;
        picked.current = null;
        setQuery(q);
        setOpen(true);
      }}
      onSelect={(_: string, option: { suggestion: VisitorSuggestion }) => {
        onPick(option.suggestion);
        picked.current = option.suggestion.name;
        setQuery('');
        setOpen(false);
        inList.current = false;
      }}
      open={shown}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) inList.current = false;
      }}
      defaultActiveFirstOption={false}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      options={found.map((s) => ({
        key: String(s.id),
        value: s.name,
        suggestion: s,
        label: (
          <div className="rf-visitor-suggestion" data-testid="visitor-suggestion">
            <Typography.Text strong>{s.name}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {[s.orgName, s.title, maskPhone(s.phone), s.lastDay].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        ),
      }))}
    >
      <Input.TextArea
        id={id}
        ref={inputRef}
        size="small"
        autoSize={{ minRows: 1, maxRows: 6 }}
        className="rf-cell-text"
        onBlur={onBlur}
        onKeyDown={keyDown}
        status={status}
        aria-label={label}
        aria-activedescendant={activeIndex >= 0 ? `${listId}_${activeIndex}` : undefined}
        autoComplete="off"
      />
    </AutoComplete>
  );
}
