// V8's stack trace limit, which @pacto/schema lowers while parsing (Chromium has it; elsewhere it is a no-op).
interface ErrorConstructor {
  stackTraceLimit: number;
}

declare module '*.css';
