/**
 * What antd needs from a browser that jsdom lacks. Imported by the component tests (which opt in
 * with `// @vitest-environment jsdom`); the rest of the suite keeps running in node.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../i18n';

if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= ResizeObserverStub;

// jsdom does not implement pseudo-element styles; antd asks for them to measure scroll bars.
const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computed(element);

/**
 * jsdom has no EventSource; the signed-in session listens to main's events in browser mode
 * (SessionContext, api/client `subscribe`). A stream that never delivers anything: a test that
 * needs an event mocks `subscribe` and delivers it itself.
 */
class EventSourceStub extends EventTarget {
  readonly readyState = 0;
  close() {}
}
window.EventSource ??= EventSourceStub as unknown as typeof EventSource;

window.scrollTo = () => undefined;
Element.prototype.scrollIntoView ??= () => undefined;

/**
 * antd writes its CSS-in-JS into <style data-rc-order> elements in <head>; jsdom parses every one
 * of them, which is most of a component test's time. The tests read text, roles and attributes,
 * never computed styles from those sheets, so their text is dropped on the way in.
 */
function withoutAntdCss<A extends unknown[], R>(insert: (node: Node, ...rest: A) => R) {
  return function (this: HTMLHeadElement, node: Node, ...rest: A): R {
    if (node instanceof HTMLStyleElement && node.hasAttribute('data-rc-order')) {
      node.textContent = '';
    }
    return insert.call(this, node, ...rest);
  };
}
const head = document.head;
head.appendChild = withoutAntdCss(head.appendChild) as typeof head.appendChild;
head.insertBefore = withoutAntdCss(head.insertBefore) as typeof head.insertBefore;

afterEach(() => {
  cleanup();
});
