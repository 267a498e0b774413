// @vitest-environment jsdom
import '../test/jsdom';
import { act, fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { companyDate } from '../../../shared/dates';
import { DateTimeField, dayText, dayValue, timeText, timeValue } from './DateTimeField';

const ZONE = 'Asia/Shanghai';

/** A form-like host: holds the string, and can be made to re-render with the same value. */
function setup(mode: 'date' | 'time', initial: string, timeZone = ZONE) {
  const committed: string[] = [];
  let rerender = () => undefined as void;
  function Host() {
    const [value, setValue] = useState(initial);
    const [, setTick] = useState(0);
    rerender = () => setTick((n) => n + 1);
    return (
      <DateTimeField
        mode={mode}
        id="field"
        timeZone={timeZone}
        value={value}
        onChange={(v) => {
          committed.push(v);
          setValue(v);
        }}
      />
    );
  }
  const { container } = render(<Host />);
  const input = container.querySelector<HTMLInputElement>('#field');
  if (!input) throw new Error('no input');
  return { input, committed, rerender: () => act(() => rerender()) };
}

function type(input: HTMLInputElement, text: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DateTimeField', () => {
  // The e2e flake: departure typed as 2026-12-09 read back as the old 2026-12-08 when the form
  // re-rendered (live preview, validation of the field just left) between typing and Enter.
  it('keeps a typed date across a re-render of the form and commits it on Enter', () => {
    const f = setup('date', '2026-12-08');
    type(f.input, '2026-12-09');
    f.rerender();
    expect(f.input.value).toBe('2026-12-09');
    fireEvent.keyDown(f.input, { key: 'Enter' });
    expect(f.committed).toEqual(['2026-12-09']);
    expect(f.input.value).toBe('2026-12-09');
  });

  it('keeps a typed time across a re-render and commits it on Enter', () => {
    const f = setup('time', '09:30');
    type(f.input, '11:45');
    f.rerender();
    fireEvent.keyDown(f.input, { key: 'Enter' });
    expect(f.committed).toEqual(['11:45']);
  });

  it.each([
    ['0930', '09:30'],
    ['9:05', '09:05'],
    ['1745', '17:45'],
    ['0932', '09:32'],
  ])('takes a time typed as %s (%s)', (typed, expected) => {
    const f = setup('time', '');
    type(f.input, typed);
    fireEvent.keyDown(f.input, { key: 'Enter' });
    expect(f.committed).toEqual([expected]);
  });

  it('takes a date typed without dashes', () => {
    const f = setup('date', '');
    type(f.input, '20261203');
    fireEvent.keyDown(f.input, { key: 'Enter' });
    expect(f.committed).toEqual(['2026-12-03']);
  });

  it('opens an empty time at office hours, in 5-minute steps', () => {
    const f = setup('time', '');
    type(f.input, '');
    const minutes = [...document.querySelectorAll('.ant-picker-time-panel-column')][1];
    const cells = [...(minutes?.querySelectorAll('.ant-picker-time-panel-cell') ?? [])];
    expect(cells.map((c) => c.textContent).slice(0, 4)).toEqual(['00', '05', '10', '15']);
    expect(cells).toHaveLength(12);
    const hour = document.querySelector(
      '.ant-picker-time-panel-column:first-child .ant-picker-time-panel-cell-selected',
    );
    expect(hour?.textContent).toBe('09');
  });

  it('keeps the clear button of a filled field out of the Tab order', async () => {
    const f = setup('time', '09:30');
    const clear = f.input.closest('.ant-picker')?.querySelector('.ant-picker-clear');
    expect(clear?.tagName).toBe('BUTTON');
    await vi.waitFor(() => expect((clear as HTMLElement).tabIndex).toBe(-1));
  });

  it('commits nothing for a half-typed date', () => {
    const f = setup('date', '2026-12-08');
    type(f.input, '2026-12-0');
    fireEvent.keyDown(f.input, { key: 'Enter' });
    fireEvent.blur(f.input);
    expect(f.committed).toEqual([]);
  });

  it('marks the company’s today, not the machine’s', () => {
    // 2026-03-01 02:00 in Shanghai is still 28 February in UTC (and on a UTC machine).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 1, 28, 18, 0));
    expect(companyDate(Date.now(), ZONE)).toBe('2026-03-01');
    const f = setup('date', '');
    type(f.input, '');
    const today = document.querySelector('.ant-picker-cell-today');
    expect(today?.getAttribute('title')).toBe('2026-03-01');
  });
});

describe('dayValue / timeValue', () => {
  it('round-trips every day of a year by its fields, whatever the machine zone', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 86_400_000) {
      const day = new Date(ms).toISOString().slice(0, 10);
      const d = dayValue(day);
      expect(d && dayText(d)).toBe(day);
    }
    expect(dayValue('2026-02-30')).toBeNull();
    expect(dayValue('2026-2-3')).toBeNull();
  });

  it('round-trips times and refuses what is not HH:mm', () => {
    for (const s of ['00:00', '09:05', '23:59']) {
      const d = timeValue(s);
      expect(d && timeText(d)).toBe(s);
    }
    expect(timeValue('24:00')).toBeNull();
    expect(timeValue('9:05')).toBeNull();
  });
});
