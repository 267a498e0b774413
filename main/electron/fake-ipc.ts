/**
 * Test doubles (only tests import this file) for the two Electron objects the IPC modules take:
 * ipcMain, whose handlers a test calls as Electron would, and a window's webContents.
 */
import { EventEmitter } from 'node:events';
import type { IpcSender } from './ipc';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** Just enough of ipcMain: records handlers so the test can call them like Electron would. */
export class FakeIpcMain {
  handlers = new Map<string, Handler>();
  listeners = new Map<string, Set<Handler>>();
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  on(channel: string, fn: Handler) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(fn);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, fn: Handler) {
    this.listeners.get(channel)?.delete(fn);
    return this;
  }
}

let nextId = 1;
/** A window's webContents: an id, `send` recorded, and a 'destroyed' event. */
export class FakeContents extends EventEmitter implements IpcSender {
  readonly id = nextId++;
  sent: unknown[][] = [];
  destroyed = false;
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}
