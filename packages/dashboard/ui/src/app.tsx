import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import type { Sources } from '../../src/api/model.ts';
import { ErrorBox, Loading } from './components.tsx';
import { forgetApi, getApi, postApi, STATIC } from './data.ts';
import { href, useRoute, type Route } from './router.ts';
import { ApiDocsView } from './views/api-docs.tsx';
import { DiffView } from './views/diff.tsx';
import { OverviewView } from './views/overview.tsx';
import { ServiceView } from './views/service.tsx';
import { ServicesView } from './views/services.tsx';
import { SourcesView } from './views/sources.tsx';

// The graph (cytoscape) and the playground (the validators) are large; they load with their page.
const GraphView = lazy(() => import('./views/graph.tsx').then((m) => ({ default: m.GraphView })));
const PlaygroundView = lazy(() => import('./views/playground.tsx').then((m) => ({ default: m.PlaygroundView })));

const NAV: readonly [string, string][] = [
  ['', 'Overview'],
  ['services', 'Services'],
  ['graph', 'Graph'],
  ['diff', 'Diff'],
  ['playground', 'Playground'],
  ['sources', 'Sources'],
  ['api', 'API'],
];

export function App() {
  const route = useRoute();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<Error | undefined>();
  useDiscoveryPolling(forgetApi);
  const top = route.segments[0] ?? '';
  useEffect(() => {
    const name = NAV.find(([path]) => path === top)?.[1] ?? 'Pacto';
    document.title = route.segments[1] ? `${route.segments[1]} · Pacto Dashboard` : `${name} · Pacto Dashboard`;
  }, [route]);

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      await postApi('/api/refresh', {});
      forgetApi();
    } catch (error) {
      setRefreshError(error as Error);
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          Pacto Dashboard
        </a>
        <nav aria-label="Views">
          {NAV.map(([path, label]) => (
            <a key={path} href={`#/${path}`} class={top === path ? 'active' : ''} aria-current={top === path ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span class="spacer" />
        {STATIC ? (
          <span class="badge source" title="A static export: the data is a snapshot">
            snapshot
          </span>
        ) : (
          <button type="button" onClick={refresh} disabled={refreshing} title="Read every source again">
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
      </header>
      {refreshError ? <ErrorBox error={refreshError} /> : null}
      <main class={top === 'graph' ? 'wide' : ''}>
        <Suspense fallback={<Loading what="the page" />}>
          <View route={route} />
        </Suspense>
      </main>
    </>
  );
}

function View({ route }: { route: Route }) {
  const [top, name] = route.segments;
  switch (top ?? '') {
    case '':
      return <OverviewView />;
    case 'services':
      return name === undefined ? <ServicesView route={route} /> : <ServiceView name={name} />;
    case 'graph':
      return <GraphView route={route} />;
    case 'diff':
      return <DiffView route={route} />;
    case 'playground':
      return <PlaygroundView />;
    case 'sources':
      return <SourcesView />;
    case 'api':
      return <ApiDocsView />;
    default:
      return (
        <div>
          <h1>Not found</h1>
          <p>
            There is no page at <code>{location.hash}</code>. <a href={href([])}>Go to the overview</a>.
          </p>
        </div>
      );
  }
}

/** While OCI discovery runs, re-reads the data every two seconds; once more when it ends. */
function useDiscoveryPolling(onChange: () => void): void {
  useEffect(() => {
    if (STATIC) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async (wasDiscovering: boolean) => {
      let discovering = false;
      try {
        discovering = (await fetch('api/sources').then((r) => r.json() as Promise<Sources>)).discovering;
      } catch {
        discovering = false;
      }
      if (stopped) return;
      if (discovering || wasDiscovering) onChange();
      if (discovering) timer = setTimeout(() => void poll(true), 2000);
    };
    void getApi<Sources>('/api/sources').then((sources) => {
      if (!stopped && sources.discovering) timer = setTimeout(() => void poll(true), 2000);
    });
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
}
