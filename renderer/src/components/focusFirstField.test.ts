// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstField } from './focusFirstField';

function dialog(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.appendChild(root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusFirstField', () => {
  it('moves the focus from the close button to the first field', () => {
    const root = dialog(
      '<button id="x">✕</button><input type="hidden" /><input id="a" disabled /><textarea id="b"></textarea><input id="c" />',
    );
    document.getElementById('x')?.focus();
    focusFirstField(root);
    expect(document.activeElement?.id).toBe('b');
  });

  it('leaves a field that has the focus already (autoFocus on a later field)', () => {
    const root = dialog('<input id="a" /><input id="b" />');
    document.getElementById('b')?.focus();
    focusFirstField(root);
    expect(document.activeElement?.id).toBe('b');
  });

  it('takes the focus from outside the dialog, and does nothing without a field', () => {
    const outside = dialog('<button id="opener">粘贴</button>');
    const root = dialog('<input id="a" />');
    document.getElementById('opener')?.focus();
    focusFirstField(root);
    expect(document.activeElement?.id).toBe('a');
    document.getElementById('opener')?.focus();
    focusFirstField(dialog('<button id="ok">确定</button>'));
    expect(document.activeElement?.id).toBe('opener');
    focusFirstField(null);
    expect(outside.contains(document.activeElement)).toBe(true);
  });
});
