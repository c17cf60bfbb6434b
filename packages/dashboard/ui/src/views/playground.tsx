import { scaffoldContract } from '@pacto/schema';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiFinding, DiffResult } from '../../../src/api/model.ts';
import { ErrorBox, Findings } from '../components.tsx';
import { checkContract, diffTexts, type Checked } from '../engines.ts';
import { DiffReport } from './diff.tsx';

/** What `pacto init my-service` writes: a valid contract to start from. */
const SAMPLE = scaffoldContract('my-service').files.find((file) => file.path.endsWith('pacto.yaml'))!.content;

const STORAGE_KEY = 'pacto-playground';

/**
 * Paste or edit a contract and see what `pacto validate` and `pacto explain` say as you type, and how it compares
 * with another contract, computed in the browser by @pacto/validate and @pacto/diff themselves.
 */
export function PlaygroundView() {
  const saved = readSaved();
  const [text, setText] = useState(saved?.text ?? SAMPLE);
  const [previous, setPrevious] = useState(saved?.previous ?? '');
  const [checked, setChecked] = useState<Checked | undefined>();
  const [diff, setDiff] = useState<{ result?: DiffResult; error?: string } | undefined>();
  const editor = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void checkContract(text).then((result) => live && setChecked(result));
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ text, previous }));
      } catch {
        // Storage may be disabled; the playground works without it.
      }
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, previous]);

  useEffect(() => {
    if (previous.trim() === '') return setDiff(undefined);
    const timer = setTimeout(() => {
      try {
        setDiff({ result: diffTexts(previous, text) });
      } catch (error) {
        setDiff({ error: (error as Error).message });
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [text, previous]);

  const jumpTo = (finding: ApiFinding) => {
    const area = editor.current;
    if (!area || finding.line === undefined) return;
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < finding.line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    offset += Math.max(0, (finding.column ?? 1) - 1);
    area.focus();
    area.setSelectionRange(offset, offset);
    area.scrollTop = Math.max(0, (finding.line - 5) * 18);
  };

  const result = checked?.result;
  const findings = result ? [...result.errors, ...result.warnings] : [];
  const badLines = new Set(findings.map((f) => f.line).filter((l): l is number => l !== undefined));
  return (
    <div data-testid="playground">
      <h1>Playground</h1>
      <p class="muted">
        Validated in your browser by the same code as <code>pacto validate</code>; nothing leaves this page. Files the contract refers to
        (OpenAPI, schemas) are not here, so their checks are skipped.
      </p>
      <div class="columns">
        <div>
          <h2>Contract</h2>
          <Editor value={text} onInput={setText} marked={badLines} textarea={editor} testid="playground-editor" label="Contract (pacto.yaml)" />
          <p data-testid="playground-status">
            {result === undefined ? (
              <span class="muted">Checking…</span>
            ) : result.valid ? (
              <span class="badge ok">valid</span>
            ) : (
              <span class="badge bad">
                invalid: {result.errors.length} error{result.errors.length === 1 ? '' : 's'}
              </span>
            )}{' '}
            {result && result.warnings.length > 0 ? <span class="badge warn">{result.warnings.length} warnings</span> : null}
          </p>
          <Findings findings={findings} contractFile="pacto.yaml" onSelect={jumpTo} />
        </div>
        <div>
          <h2>Explain</h2>
          {checked?.explain ? (
            <pre class="block" data-testid="playground-explain">
              {checked.explain}
            </pre>
          ) : (
            <p class="muted">The summary appears once the contract parses.</p>
          )}
        </div>
      </div>
      <h2>Compare with an earlier version</h2>
      <p class="muted">Paste the earlier contract here: the diff shows what changed from it to the contract above, classified as breaking or not.</p>
      <Editor value={previous} onInput={setPrevious} testid="playground-previous" label="Earlier contract" />
      {diff?.error ? <ErrorBox error={diff.error} /> : null}
      {diff?.result ? <DiffReport diff={diff.result} /> : null}
    </div>
  );
}

function Editor(props: { value: string; onInput: (value: string) => void; marked?: ReadonlySet<number>; textarea?: preact.RefObject<HTMLTextAreaElement | null>; testid: string; label: string }) {
  const gutter = useRef<HTMLDivElement>(null);
  const count = Math.max(1, props.value.split('\n').length);
  return (
    <div class="editor">
      <div class="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <div key={i} class={props.marked?.has(i + 1) ? 'bad' : ''}>
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        ref={props.textarea}
        value={props.value}
        spellcheck={false}
        aria-label={props.label}
        data-testid={props.testid}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = (e.target as HTMLTextAreaElement).scrollTop;
        }}
      />
    </div>
  );
}

function readSaved(): { text: string; previous: string } | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as { text?: unknown; previous?: unknown } | null;
    if (value && typeof value.text === 'string' && typeof value.previous === 'string') return { text: value.text, previous: value.previous };
  } catch {
    // Nothing saved, or storage disabled.
  }
  return undefined;
}
