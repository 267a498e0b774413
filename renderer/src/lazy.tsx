import { Button, Card, Result, Spin } from 'antd';
import {
  Component,
  Suspense,
  use,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

/** A part of the app (a chunk) did not arrive: usually a new build replaced the files. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(`a part of the app could not be loaded: ${String(cause)}`, { cause });
    this.name = 'ChunkLoadError';
  }
}

/** A promise that says whether it has settled, the way React's `use` reads it. */
type Tracked<T> = Promise<T> & {
  status?: 'pending' | 'fulfilled' | 'rejected';
  value?: T;
  reason?: unknown;
};

/** A component's props; `object` for one that takes none (`() => …` infers `unknown`). */
type PropsOf<C> =
  C extends ComponentType<infer P> ? (unknown extends P ? object : P & object) : never;

export interface LazyScreen<P extends object> {
  (props: P): ReactElement;
  /** Starts loading the screen's code (once); resolves when it is there. */
  preload: () => Promise<unknown>;
}

/**
 * A screen whose code is loaded on first use, from a module that exports it by `name`. Unlike
 * React.lazy it can be loaded ahead (`preload`), and once loaded it renders in the same pass
 * (React's `use` reads the settled promise), so a screen fetched in advance never shows a
 * fallback. While it loads, its place stays empty and shows a spinner after 200 ms (`fullScreen`:
 * the app's loading screen); if the load fails, a reload prompt instead of a white screen.
 *
 * The fallback is the screen's own: on a route change the old page goes at once (the sidebar and
 * header stay where they are), rather than staying on view, clickable, under the new address
 * while the next screen's code arrives.
 */
export function lazyScreen<
  M extends Record<K, ComponentType<never>>,
  K extends keyof M & string,
  P extends object = PropsOf<M[K]>,
>(
  load: () => Promise<M>,
  name: K,
  { fullScreen = false }: { fullScreen?: boolean } = {},
): LazyScreen<P> {
  let promise: Tracked<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    if (!promise) {
      const p: Tracked<ComponentType<P>> = load().then(
        (module) => module[name] as unknown as ComponentType<P>,
        (e: unknown) => {
          throw new ChunkLoadError(e);
        },
      );
      p.status = 'pending';
      p.then(
        (value) => {
          p.status = 'fulfilled';
          p.value = value;
        },
        (reason: unknown) => {
          p.status = 'rejected';
          p.reason = reason;
        },
      );
      promise = p;
    }
    return promise;
  };
  function Loaded(props: P) {
    const Screen = use(preload());
    // The same component on every render (the one the settled promise holds), not a new one.
    // eslint-disable-next-line react-hooks/static-components -- read from a module-level promise
    return <Screen {...props} />;
  }
  // The boundaries belong to this screen: another screen in the same place starts afresh, while
  // two routes of the same screen (new and edit) keep one instance, as they did before.
  function Lazy(props: P) {
    return (
      <ChunkBoundary fullScreen={fullScreen}>
        <Suspense fallback={fullScreen ? <LoadingScreen /> : <PageLoading />}>
          <Loaded {...props} />
        </Suspense>
      </ChunkBoundary>
    );
  }
  Lazy.displayName = `Lazy(${name})`;
  return Object.assign(Lazy, { preload });
}

/** The full-window wait (as while the session is checked): the app's backdrop and a spinner. */
export function LoadingScreen() {
  return (
    <div className="center-screen">
      <Spin size="large" />
    </div>
  );
}

/**
 * A screen's code on its way: nothing for 200 ms (most loads are done by then, and a spinner
 * that blinks is worse than none), then a spinner where the page's content will be.
 */
function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 96 }}>
      <Spin size="large" delay={200} />
    </div>
  );
}

function ChunkFailed({ fullScreen }: { fullScreen: boolean }) {
  const { t } = useTranslation();
  const result = (
    <Result
      status="warning"
      title={t('app.loadFailed')}
      subTitle={t('app.loadFailedHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
  return fullScreen ? (
    <div className="center-screen">
      <Card className="auth-card">{result}</Card>
    </div>
  ) : (
    result
  );
}

/**
 * Catches a chunk that failed to load below it and offers a reload instead of a white screen.
 * Any other error goes on up, to the router's error screen, as before.
 */
class ChunkBoundary extends Component<
  { children: ReactNode; fullScreen?: boolean },
  { error: unknown }
> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof ChunkLoadError)) throw error;
    return <ChunkFailed fullScreen={this.props.fullScreen ?? false} />;
  }
}
