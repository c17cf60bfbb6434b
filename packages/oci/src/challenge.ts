/** One `WWW-Authenticate` challenge: scheme (lower-case) and its parameters. */
export interface AuthChallenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Parses `WWW-Authenticate` values such as `Bearer realm="https://x/token",service="x",scope="a:b:pull"`.
 * Several challenges may share one header; a bare token not followed by `=` starts a new one.
 */
export function parseChallenges(headerValue: string | readonly string[] | undefined): AuthChallenge[] {
  const values = headerValue === undefined ? [] : typeof headerValue === 'string' ? [headerValue] : headerValue;
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  for (const value of values) {
    let i = 0;
    let sawComma = true;
    let justOpened = false;
    const skip = (): void => {
      sawComma = false;
      while (i < value.length && /[\s,]/.test(value[i] ?? '')) {
        if (value[i] === ',') sawComma = true;
        i++;
      }
    };
    const token = (): string => {
      const start = i;
      while (i < value.length && /[^\s,=]/.test(value[i] ?? '')) i++;
      return value.slice(start, i);
    };
    while (i < value.length) {
      skip();
      const word = token();
      if (!word) {
        i++;
        continue;
      }
      let j = i;
      while (j < value.length && value[j] === ' ') j++;
      if (value[j] === '=' && challenges.length > 0) {
        i = j + 1;
        while (value[i] === ' ') i++;
        let param = '';
        if (value[i] === '"') {
          i++;
          while (i < value.length && value[i] !== '"') {
            if (value[i] === '\\') i++;
            param += value[i] ?? '';
            i++;
          }
          i++;
        } else {
          param = token();
        }
        const current = challenges[challenges.length - 1];
        if (current) current.params[word.toLowerCase()] = param;
        justOpened = false;
      } else if (justOpened && !sawComma) {
        // token68 credentials (`Negotiate abc==`) belong to the challenge just opened.
        justOpened = false;
      } else {
        challenges.push({ scheme: word.toLowerCase(), params: {} });
        justOpened = true;
      }
    }
  }
  return challenges;
}

/** The first Basic or Bearer challenge (oci.md §10.2). */
export function pickChallenge(challenges: readonly AuthChallenge[]): AuthChallenge | undefined {
  return challenges.find((c) => c.scheme === 'basic' || c.scheme === 'bearer');
}
