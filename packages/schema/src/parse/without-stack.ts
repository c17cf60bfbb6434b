// Parse failures are expected results, not faults: a stack trace says nothing about a bad contract, and
// capturing one costs more than parsing a small file. Errors made inside `make` carry no stack.
export function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
