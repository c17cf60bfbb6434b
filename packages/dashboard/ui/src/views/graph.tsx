import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FleetGraph } from '../../../src/api/model.ts';
import { ErrorBox, Loading, PhaseBadge, ServiceLink } from '../components.tsx';
import { useApi } from '../data.ts';
import { href, navigate, type Route } from '../router.ts';

cytoscape.use(dagre);

// Canvas colours (cytoscape cannot read CSS variables); the same hues as the badges.
const STATUS_COLOURS: Record<string, string> = {
  Compliant: '#2e9e6a',
  Warning: '#d9822b',
  NonCompliant: '#d64545',
  Unknown: '#8a94a6',
  external: '#b8bfcc',
};

/** Above this many nodes dagre takes seconds; cytoscape's breadth-first layout keeps the tiers in milliseconds. */
const DAGRE_MAX_NODES = 300;

/**
 * Dependencies to the right of their dependents (dagre, left to right) for graphs people read whole; large
 * fleets get tiers from the services nobody depends on down to the shared foundations (breadth-first).
 */
function layoutFor(nodeCount: number): cytoscape.LayoutOptions {
  if (nodeCount <= DAGRE_MAX_NODES) {
    return { name: 'dagre', rankDir: 'LR', ranker: 'longest-path', nodeSep: 12, rankSep: 80, fit: true, padding: 20, animate: false } as cytoscape.LayoutOptions;
  }
  // `grid` places each tier's nodes on a grid: without it, the layout spends seconds nudging them apart.
  return { name: 'breadthfirst', directed: true, grid: true, avoidOverlap: false, spacingFactor: 0.9, fit: true, padding: 20, animate: false };
}

interface Drawn {
  /** Rendered positions right after the layout (the canvas may be panned since). */
  readonly nodes: readonly { id: string; status: string; x: number; y: number }[];
  readonly edges: readonly { source: string; target: string; type: string; required: boolean }[];
}

/**
 * The global dependency graph: laid out by dagre (left to right, dependencies on the right), pan and zoom,
 * click a node to open its service, hover or choose a service to light up its blast radius.
 */
export function GraphView({ route }: { route: Route }) {
  const graph = useApi<FleetGraph>('/api/graph');
  const focus = route.query.get('focus') ?? '';
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | undefined>(undefined);
  const layoutMs = useRef(0);
  const [drawn, setDrawn] = useState<Drawn | undefined>();
  const [painted, setPainted] = useState(false);
  const [hovered, setHovered] = useState<string | undefined>();
  const data = graph.data;
  // Re-layout only when the graph itself changed (the data is re-read while discovery runs).
  const signature = data ? `${data.nodes.map((n) => `${n.id}:${n.status}`).join(',')}|${data.edges.map((e) => `${e.source}>${e.target}`).join(',')}` : '';

  const dependentsOf = useMemo(() => {
    const incoming = new Map<string, string[]>();
    for (const edge of data?.edges ?? []) {
      if (edge.type !== 'dependency' || !edge.required) continue;
      incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source]);
    }
    return incoming;
  }, [signature]);

  useEffect(() => {
    if (!data || !container.current) return;
    const elements: ElementDefinition[] = [
      ...data.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.name, status: node.status, colour: STATUS_COLOURS[node.status] ?? '#8a94a6' } })),
      ...data.edges.map((edge, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: edge.source, target: edge.target, type: edge.type, required: edge.required ? 'yes' : 'no' },
      })),
    ];
    const instance = cytoscape({
      container: container.current,
      elements,
      minZoom: 0.05,
      maxZoom: 3,
      pixelRatio: 1,
      textureOnViewport: data.nodes.length > 300,
      hideEdgesOnViewport: data.nodes.length > 300,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            'font-size': 11,
            'min-zoomed-font-size': 7,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            color: '#5c6577',
            width: 16,
            height: 16,
          },
        },
        { selector: 'node[status = "external"]', style: { 'border-width': 1, 'border-style': 'dashed', 'border-color': '#8a94a6', shape: 'round-rectangle' } },
        // Straight edges cost far less to draw than bundled curves when there are thousands of them.
        { selector: 'edge', style: { width: 1, 'line-color': '#b8bfcc', 'target-arrow-color': '#b8bfcc', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.7, 'curve-style': data.nodes.length > DAGRE_MAX_NODES ? 'straight' : 'bezier' } },
        { selector: 'edge[required = "no"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[type = "reference"]', style: { 'line-style': 'dotted', 'line-color': '#9a7fd1', 'target-arrow-color': '#9a7fd1' } },
        { selector: '.faded', style: { opacity: 0.15 } },
        { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#2f5bd3', width: 24, height: 24, 'font-weight': 'bold', color: '#1d2330' } },
        { selector: 'node.blast', style: { 'border-width': 2, 'border-color': '#d64545' } },
        { selector: 'edge.blast', style: { width: 2, 'line-color': '#d64545', 'target-arrow-color': '#d64545' } },
      ],
      layout: { name: 'null' },
    });
    const started = performance.now();
    instance.layout(layoutFor(data.nodes.length)).run();
    layoutMs.current = Math.round(performance.now() - started);
    instance.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.data('status') !== 'external') navigate(href(['services', node.id()]));
    });
    instance.on('mouseover', 'node', (event) => setHovered((event.target as cytoscape.NodeSingular).id()));
    instance.on('mouseout', 'node', () => setHovered(undefined));
    cy.current = instance;
    // What the canvas holds, as text: for screen readers (and for tests, which cannot read a canvas). Written
    // once the canvas is drawn, so that a large graph appears first.
    const positions = instance.nodes().map((n) => ({ id: n.id(), status: String(n.data('status')), x: Math.round(n.renderedPosition().x), y: Math.round(n.renderedPosition().y) }));
    let listTimer: ReturnType<typeof setTimeout> | undefined;
    instance.one('render', () => {
      setPainted(true);
      listTimer = setTimeout(() => {
        setDrawn({
          nodes: positions,
          edges: instance.edges().map((e) => ({ source: e.source().id(), target: e.target().id(), type: String(e.data('type')), required: e.data('required') === 'yes' })),
        });
      }, 0);
    });
    return () => {
      if (listTimer !== undefined) clearTimeout(listTimer);
      instance.destroy();
      cy.current = undefined;
      setPainted(false);
    };
  }, [signature]);

  const highlighted = hovered ?? (focus || undefined);
  const blast = useMemo(() => (highlighted === undefined ? [] : blastRadius(highlighted, dependentsOf)), [highlighted, dependentsOf]);
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.elements().removeClass('faded focus blast');
      if (highlighted === undefined || instance.getElementById(highlighted).empty()) return;
      const lit = new Set([highlighted, ...blast]);
      instance.elements().addClass('faded');
      instance.getElementById(highlighted).removeClass('faded').addClass('focus');
      for (const name of blast) instance.getElementById(name).removeClass('faded').addClass('blast');
      instance.edges().forEach((edge) => {
        if (lit.has(edge.source().id()) && lit.has(edge.target().id()) && edge.data('type') === 'dependency' && edge.data('required') === 'yes') {
          edge.removeClass('faded').addClass('blast');
        }
      });
    });
  }, [highlighted, blast, painted]);
  useEffect(() => {
    const node = focus && cy.current ? cy.current.getElementById(focus) : undefined;
    if (node && node.nonempty()) cy.current!.animate({ center: { eles: node }, zoom: Math.max(cy.current!.zoom(), 0.8) }, { duration: 200 });
  }, [focus, painted]);

  if (graph.error) return <ErrorBox error={graph.error} />;
  if (!data) return <Loading what="the graph" />;
  const focused = data.nodes.find((n) => n.id === (highlighted ?? ''));
  const externals = data.nodes.filter((n) => n.status === 'external').length;
  const services = data.nodes.length - externals;
  return (
    <div class="graph-page">
      <div class="graph-canvas">
        <div ref={container} style={{ position: 'absolute', inset: 0 }} data-testid="graph" data-ready={painted ? 'true' : 'false'} data-layout-ms={painted ? layoutMs.current : undefined} role="img" aria-label={`Dependency graph of ${services} services`} />
      </div>
      <aside class="graph-side">
        <label>
          Blast radius of{' '}
          <input list="graph-services" value={focus} placeholder="service name" data-testid="graph-focus" onChange={(e) => navigate(href(['graph'], { focus: (e.target as HTMLInputElement).value }), true)} />
        </label>
        <datalist id="graph-services">
          {data.nodes.map((n) => (
            <option key={n.id} value={n.id} />
          ))}
        </datalist>
        <p class="graph-legend muted">
          <span>
            <i class="dot" style={{ background: STATUS_COLOURS['Compliant'] }} /> compliant
          </span>
          <span>
            <i class="dot" style={{ background: STATUS_COLOURS['Warning'] }} /> warning
          </span>
          <span>
            <i class="dot" style={{ background: STATUS_COLOURS['NonCompliant'] }} /> invalid
          </span>
          <span>
            <i class="dot" style={{ background: STATUS_COLOURS['external'] }} /> not in any source
          </span>
        </p>
        <p class="muted">
          {services} services{externals > 0 ? ` and ${externals} outside every source` : ''}, {data.edges.length} edges. Solid: required, dashed: optional, dotted: configuration or
          policy reference. Click a service to open it; hover one to see what breaks with it.
        </p>
        {focused ? (
          <div data-testid="graph-focus-panel">
            <h3>
              {focused.status === 'external' ? focused.name : <ServiceLink name={focused.name} />} <PhaseBadge phase={focused.status} />
            </h3>
            {focused.reason ? <p class="muted">{focused.reason}</p> : null}
            <p data-testid="blast-count">
              Blast radius: {blast.length} service{blast.length === 1 ? '' : 's'}
            </p>
            <ul>
              {blast.slice(0, 40).map((name) => (
                <li key={name}>
                  <ServiceLink name={name} />
                </li>
              ))}
            </ul>
            {blast.length > 40 ? <p class="muted">and {blast.length - 40} more</p> : null}
          </div>
        ) : null}
      </aside>
      {drawn ? (
        <div class="sr-only" data-testid="graph-elements" data-node-count={drawn.nodes.length} data-edge-count={drawn.edges.length}>
          <ul aria-label="Services in the graph">
            {drawn.nodes.map((n) => (
              <li key={n.id} data-testid="graph-node" data-id={n.id} data-status={n.status} data-x={n.x} data-y={n.y}>
                {n.id} ({n.status})
              </li>
            ))}
          </ul>
          <ul aria-label="Dependencies in the graph">
            {drawn.edges.map((e, i) => (
              <li key={i} data-testid="graph-edge" data-source={e.source} data-target={e.target} data-type={e.type}>
                {e.source} {e.type === 'reference' ? 'references' : e.required ? 'requires' : 'optionally uses'} {e.target}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Services that transitively require `name` (the server's blastRadius, computed over the same edges). */
function blastRadius(name: string, dependentsOf: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set([name]);
  const out: string[] = [];
  const queue = [name];
  for (let i = 0; i < queue.length; i++) {
    for (const source of dependentsOf.get(queue[i]!) ?? []) {
      if (seen.has(source)) continue;
      seen.add(source);
      out.push(source);
      queue.push(source);
    }
  }
  return out;
}
