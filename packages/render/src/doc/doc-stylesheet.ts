// The page's only stylesheet, inlined so the served document needs no network access.
export const DOC_STYLESHEET = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --subtle: #f6f8fa;
  --border: #d1d9e0; --link: #0969da; --code: rgba(129, 139, 152, 0.12); }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --subtle: #151b23; --border: #3d444d;
    --link: #4493f8; --code: rgba(101, 108, 118, 0.2); }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 24px 64px; }
h1, h2 { padding-bottom: 0.3em; border-bottom: 1px solid var(--border); }
h1, h2, h3, h4, h5 { margin: 1.5em 0 0.75em; line-height: 1.25; font-weight: 600; }
h1 { font-size: 2em; } h2 { font-size: 1.5em; } h3 { font-size: 1.25em; }
p, ul, ol, table, pre { margin: 0 0 16px; }
li > ul, li > ol { margin-bottom: 0; }
a { color: var(--link); text-decoration: none; } a:hover { text-decoration: underline; }
code { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  background: var(--code); padding: 0.2em 0.4em; border-radius: 6px; }
code { white-space: nowrap; }
code.long { white-space: normal; overflow-wrap: anywhere; }
pre { background: var(--subtle); padding: 16px; border-radius: 6px; overflow: auto; line-height: 1.45; }
pre code { background: none; padding: 0; font-size: 85%; white-space: pre; }
table { border-collapse: collapse; max-width: 100%; }
th, td { border: 1px solid var(--border); padding: 6px 13px; vertical-align: top; }
th { font-weight: 600; background: var(--subtle); }
tr:nth-child(2n) td { background: var(--subtle); }
hr { border: 0; border-top: 1px solid var(--border); margin: 24px 0; }
details { margin: 0 0 16px; }
`;
